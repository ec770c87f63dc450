package com.healthconnect.realtime;

import java.security.Principal;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.user.SimpSession;
import org.springframework.messaging.simp.user.SimpUser;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.stereotype.Component;

import com.healthconnect.auth.CurrentUser;
import com.healthconnect.auth.SessionAuthentication;
import com.healthconnect.platform.DomainException;
import com.healthconnect.realtime.internal.DirectDelivery;

/**
 * Who is online and how to reach them: a user's open STOMP sessions come from the broker's own registry, and pushes go
 * to {@code /user/queue/...} of every session or of one session. Queue names are given without the user prefix, e.g.
 * {@code /queue/messages}.
 */
@Component
public class UserSessions {

	private final SimpUserRegistry registry;
	private final SimpMessagingTemplate template;
	private final DirectDelivery direct;

	UserSessions(SimpUserRegistry registry, SimpMessagingTemplate template, DirectDelivery direct) {
		this.registry = registry;
		this.template = template;
		this.direct = direct;
	}

	/** The signed-in user behind a STOMP session: the one whose cookie opened the socket. */
	public static CurrentUser user(Principal principal) {
		if (principal instanceof SessionAuthentication session) {
			return session.getPrincipal();
		}
		throw DomainException.forbidden("This socket is not signed in");
	}

	public boolean isOnline(String userId) {
		SimpUser user = registry.getUser(userId);
		return user != null && user.hasSessions();
	}

	public Set<String> sessionIds(String userId) {
		SimpUser user = registry.getUser(userId);
		return user == null ? Set.of() : user.getSessions().stream().map(SimpSession::getId).collect(Collectors.toSet());
	}

	/**
	 * To every session of the user (nothing happens when they have none), one send per session, each addressed by its
	 * session id (written when Spring's fan-out of a user destination failed under ordered publishing, which the
	 * outbound channel no longer needs: it writes in place).
	 */
	public void toUser(String userId, String queue, Object payload) {
		for (String sessionId : sessionIds(userId)) {
			toSession(userId, sessionId, queue, payload);
		}
	}

	/** To one session of the user only. */
	public void toSession(String userId, String sessionId, String queue, Object payload) {
		SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
		headers.setSessionId(sessionId);
		headers.setLeaveMutable(true);
		template.convertAndSendToUser(userId, queue, payload, headers.getMessageHeaders());
	}

	/**
	 * To one session of the user, a payload already serialised to JSON: for relays that send the same bytes to several
	 * sessions or many times a second. It skips the conversion and the user-destination and broker hops (see
	 * {@link DirectDelivery}) but ends where every push ends, so it keeps its place among the session's other pushes.
	 * Nothing is sent unless the session is one of the user's.
	 */
	public void toSessionJson(String userId, String sessionId, String queue, byte[] json) {
		SimpUser user = registry.getUser(userId);
		if (user != null && user.getSession(sessionId) != null) {
			direct.toSession(sessionId, queue, json);
		}
	}

	/**
	 * {@link #toSessionJson} to every session of the user. Walks the registry's copy of the user's sessions once:
	 * {@link #sessionIds} streamed that copy into a second set, and each session was then looked up again.
	 */
	public void toUserJson(String userId, String queue, byte[] json) {
		SimpUser user = registry.getUser(userId);
		if (user != null) {
			for (SimpSession session : user.getSessions()) {
				direct.toSession(session.getId(), queue, json);
			}
		}
	}

	/** To every session of the user except one (e.g. the tab that acted). */
	public void toUserExcept(String userId, String exceptSessionId, String queue, Object payload) {
		for (String sessionId : sessionIds(userId)) {
			if (!sessionId.equals(exceptSessionId)) {
				toSession(userId, sessionId, queue, payload);
			}
		}
	}

	/** An error for the session that sent a refused frame, on {@code /user/queue/errors}. */
	public void error(String userId, String sessionId, StompError error) {
		toSession(userId, sessionId, "/queue/errors", error);
	}
}
