package com.healthconnect.auth.internal;

import java.time.Clock;
import java.time.Duration;

import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

import com.healthconnect.auth.internal.TokenService.IssuedToken;

/** The HTTP-only {@code token} cookie: {@code SameSite=Strict}, {@code Path=/}, {@code Secure} when configured. */
@Component
public class SessionCookies {

	public static final String NAME = "token";

	private final boolean secure;
	private final Clock clock;

	SessionCookies(AuthProperties properties, Clock clock) {
		this.secure = properties.cookie().secure();
		this.clock = clock;
	}

	public ResponseCookie issue(IssuedToken token) {
		return base(token.value()).maxAge(Duration.between(clock.instant(), token.expiresAt())).build();
	}

	public ResponseCookie clear() {
		return base("").maxAge(Duration.ZERO).build();
	}

	private ResponseCookie.ResponseCookieBuilder base(String value) {
		return ResponseCookie.from(NAME, value).httpOnly(true).secure(secure).sameSite("Strict").path("/");
	}
}
