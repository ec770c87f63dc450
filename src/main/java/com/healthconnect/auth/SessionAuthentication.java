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
	private final long generation;

	public SessionAuthentication(CurrentUser user, String tokenId, Instant expiresAt) {
		this(user, tokenId, expiresAt, -1);
	}

	/** @param generation the user's session generation the token was issued in; -1 when not known */
	public SessionAuthentication(CurrentUser user, String tokenId, Instant expiresAt, long generation) {
		super(List.of(new SimpleGrantedAuthority(user.role().authority())));
		this.user = user;
		this.tokenId = tokenId;
		this.expiresAt = expiresAt;
		this.generation = generation;
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

	public long generation() {
		return generation;
	}
}
