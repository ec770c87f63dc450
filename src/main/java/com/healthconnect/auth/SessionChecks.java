package com.healthconnect.auth;

import org.springframework.stereotype.Component;

import com.healthconnect.auth.internal.RevokedTokens;
import com.healthconnect.auth.internal.SessionGenerations;

/**
 * Whether a session that was valid when it was opened still is: not signed out, and not ended by a password change
 * or reset, a disabled or a deleted account — on whichever instance that happened. Answered from the copies each
 * instance keeps in step with MongoDB, so it is cheap enough to ask for every open socket every second.
 */
@Component
public class SessionChecks {

	private final RevokedTokens revoked;
	private final SessionGenerations generations;

	SessionChecks(RevokedTokens revoked, SessionGenerations generations) {
		this.revoked = revoked;
		this.generations = generations;
	}

	public boolean stillValid(SessionAuthentication session) {
		if (revoked.isRevoked(session.tokenId())) {
			return false;
		}
		return session.generation() < 0 || generations.isCurrent(session.getPrincipal().id(), session.generation());
	}
}
