package com.healthconnect.realtime.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

import com.healthconnect.auth.SessionAuthentication;
import com.healthconnect.auth.SessionChecks;
import com.healthconnect.auth.SessionsEnded;
import com.healthconnect.auth.SignedOut;

/**
 * The open sockets and the session token each was opened with. A socket lives no longer than its token: signing out
 * ({@link SignedOut}) closes the sockets opened with that token, and a sweep every second closes those whose token
 * expired or whose session ended on another instance.
 * One user holds at most {@code healthconnect.realtime.per-user.max-sessions} sockets at once, counted over every
 * instance ({@link HandshakeGuard} adds the user's sessions elsewhere); one more is refused.
 */
@Component
class OpenSockets {

	static final CloseStatus SIGNED_OUT = new CloseStatus(4001, "Signed out");
	static final CloseStatus EXPIRED = new CloseStatus(4002, "Session expired");
	static final CloseStatus TOO_MANY = new CloseStatus(4029, "Too many open sessions for this user");

	private static final Logger log = LoggerFactory.getLogger(OpenSockets.class);

	private final ConcurrentHashMap<String, Open> sockets = new ConcurrentHashMap<>();
	/** Each user's open socket ids; a user without sockets has no entry. */
	private final ConcurrentHashMap<String, Set<String>> byUser = new ConcurrentHashMap<>();
	private final int maxPerUser;
	private final Clock clock;
	private final SessionChecks checks;

	OpenSockets(Clock clock, RealtimeProperties properties, SessionChecks checks) {
		this.clock = clock;
		this.maxPerUser = properties.perUser().maxSessions();
		this.checks = checks;
	}

	/**
	 * Counts a new socket, unless its user already holds {@code per-user.max-sessions} of them: then it is not
	 * counted, and the caller closes it with {@link #TOO_MANY}. Answers whether it was accepted.
	 */
	boolean opened(WebSocketSession session) {
		if (!(session.getPrincipal() instanceof SessionAuthentication auth)) {
			return true;
		}
		String userId = auth.getPrincipal().id();
		boolean[] accepted = { false };
		byUser.compute(userId, (id, open) -> {
			Set<String> ids = open == null ? ConcurrentHashMap.<String>newKeySet() : open;
			if (ids.size() < maxPerUser) {
				ids.add(session.getId());
				accepted[0] = true;
			}
			return ids.isEmpty() ? null : ids;
		});
		if (accepted[0]) {
			sockets.put(session.getId(), new Open(session, userId, auth.tokenId(), auth.expiresAt()));
		}
		return accepted[0];
	}

	/**
	 * Whether the user may open one more socket now, given how many sessions they hold on other instances; the local
	 * count is checked again, atomically, when it opens.
	 */
	boolean mayOpen(String userId, long elsewhere) {
		Set<String> open = byUser.get(userId);
		return (open == null ? 0 : open.size()) + elsewhere < maxPerUser;
	}

	void closed(WebSocketSession session) {
		Open open = sockets.remove(session.getId());
		if (open != null) {
			forget(open);
		}
	}

	private void forget(Open open) {
		byUser.computeIfPresent(open.userId(), (id, ids) -> {
			ids.remove(open.session().getId());
			return ids.isEmpty() ? null : ids;
		});
	}

	int count() {
		return sockets.size();
	}

	@EventListener
	void signedOut(SignedOut event) {
		sockets.values().stream()
			.filter(open -> open.tokenId().equals(event.tokenId()))
			.forEach(open -> close(open, SIGNED_OUT));
	}

	/** Every session of the user ended (password reset or change, account disabled or deleted). */
	@EventListener
	void sessionsEnded(SessionsEnded event) {
		sockets.values().stream()
			.filter(open -> open.session().getPrincipal() instanceof SessionAuthentication auth
					&& auth.getPrincipal().id().equals(event.userId()) && !open.tokenId().equals(event.keptTokenId()))
			.forEach(open -> close(open, SIGNED_OUT));
	}

	/**
	 * Closes the sockets whose session expired, or ended on another instance (signed out there, or every session of
	 * the user ended by a password change or a disabled account): the events above reach only the instance where it
	 * happened.
	 */
	@Scheduled(fixedDelayString = "${healthconnect.realtime.session-check-interval:1s}")
	void closeEnded() {
		Instant now = clock.instant();
		for (Open open : sockets.values()) {
			if (!open.expiresAt().isAfter(now)) {
				close(open, EXPIRED);
			}
			else if (open.session().getPrincipal() instanceof SessionAuthentication auth && !checks.stillValid(auth)) {
				close(open, SIGNED_OUT);
			}
		}
	}

	private void close(Open open, CloseStatus status) {
		if (sockets.remove(open.session().getId()) != null) {
			forget(open);
		}
		try {
			open.session().close(status);
		}
		catch (IOException | RuntimeException ex) {
			log.debug("Closing socket {} failed: {}", open.session().getId(), ex.toString());
		}
	}

	private record Open(WebSocketSession session, String userId, String tokenId, Instant expiresAt) {
	}
}
