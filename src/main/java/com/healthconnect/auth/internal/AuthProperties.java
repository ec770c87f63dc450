package com.healthconnect.auth.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param jwt signing secret (at least 32 bytes) and token lifetime
 * @param cookie whether the session cookie is {@code Secure} (set it behind HTTPS)
 * @param bcryptCost bcrypt's work factor
 * @param login how many failed logins for one e-mail within the window lead to 429
 */
@ConfigurationProperties("healthconnect")
public record AuthProperties(@DefaultValue Jwt jwt, @DefaultValue Cookie cookie, @DefaultValue("12") int bcryptCost,
		@DefaultValue Login login) {

	public record Jwt(String secret, @DefaultValue("7d") Duration lifetime) {
	}

	public record Cookie(@DefaultValue("false") boolean secure) {
	}

	public record Login(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration window) {
	}
}
