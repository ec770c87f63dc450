package com.healthconnect.call.internal;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * STUN and TURN servers for WebRTC: {@code healthconnect.stun.urls}, {@code healthconnect.turn.urls},
 * {@code healthconnect.turn.secret} (coturn's {@code static-auth-secret}), {@code healthconnect.turn.ttl} and
 * {@code healthconnect.turn.relay-only} (browsers then use relay candidates only: no party learns the other's address,
 * and the browser tests prove the relay path with it).
 */
public final class IceProperties {

	private IceProperties() {
	}

	@ConfigurationProperties("healthconnect.stun")
	public record Stun(@DefaultValue("stun:stun.l.google.com:19302") List<String> urls) {
	}

	@ConfigurationProperties("healthconnect.turn")
	public record Turn(@DefaultValue List<String> urls, String secret, @DefaultValue("12h") Duration ttl,
			boolean relayOnly) {

		public boolean hasSecret() {
			return secret != null && !secret.isBlank();
		}
	}
}
