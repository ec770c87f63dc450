package com.healthconnect.auth;

import java.time.Instant;
import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An authenticated session: the {@link CurrentUser} plus the token's id and expiry, which the realtime module uses
 * to close a socket when its session ends.
 */
public final class SessionAuthentication extends AbstractAuthenticationToken {

	private final CurrentUser user;
	private final String tokenId;
	private final Instant expiresAt;

	public SessionAuthentication(CurrentUser user, String tokenId, Instant expiresAt) {
		super(List.of(new SimpleGrantedAuthority(user.role().authority())));
		this.user = user;
		this.tokenId = tokenId;
		this.expiresAt = expiresAt;
		setAuthenticated(true);
	}

	@Override
	public CurrentUser getPrincipal() {
		return user;
	}

	@Override
	public Object getCredentials() {
		return "";
	}

	@Override
	public String getName() {
		return user.id();
	}

	public String tokenId() {
		return tokenId;
	}

	public Instant expiresAt() {
		return expiresAt;
	}
}
