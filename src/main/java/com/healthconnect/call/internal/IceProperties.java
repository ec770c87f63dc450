package com.healthconnect.call.internal;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * STUN and TURN servers for WebRTC: {@code healthconnect.stun.urls}, {@code healthconnect.turn.urls},
 * {@code healthconnect.turn.secret} (coturn's {@code static-auth-secret}) and {@code healthconnect.turn.ttl}.
 */
public final class IceProperties {

	private IceProperties() {
	}

	@ConfigurationProperties("healthconnect.stun")
	public record Stun(@DefaultValue("stun:stun.l.google.com:19302") List<String> urls) {
	}

	@ConfigurationProperties("healthconnect.turn")
	public record Turn(@DefaultValue List<String> urls, String secret, @DefaultValue("12h") Duration ttl) {

		public boolean hasSecret() {
			return secret != null && !secret.isBlank();
		}
	}
}
