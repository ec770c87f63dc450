package com.healthconnect.realtime;

import com.healthconnect.auth.CurrentUser;

/**
 * A user's STOMP session ended: its socket closed on this instance, or the instance holding it stopped answering and
 * another instance noticed. Published once per session, on one instance.
 *
 * @param stillOnline whether the user still has another session open (on any instance)
 */
public record UserSessionClosed(CurrentUser user, String sessionId, boolean stillOnline) {

	public String userId() {
		return user.id();
	}
}
