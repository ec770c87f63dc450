package com.healthconnect.realtime;

import java.security.Principal;
import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;

import com.healthconnect.auth.CurrentUser;
import com.healthconnect.auth.SessionAuthentication;
import com.healthconnect.platform.DomainException;

/**
 * How to reach a user's open sessions, on this instance or any other. A push goes to the broker destination of the
 * user's queue ({@link UserDestinations}); every session of the user, wherever it is connected, subscribed to it, so
 * the broker (Spring's simple broker, or RabbitMQ/Artemis through the relay) hands one copy to each. A push meant for
 * one session, or for all but one, carries that in a header, and each instance drops the copies not meant for its
 * sessions on the way out ({@code SessionFilter}). Queue names are given without the user prefix, e.g.
 * {@code /queue/messages}. Whether a user is online is {@link OnlineUsers}'s to say. A push is best effort: one made
 * while the relay has lost its broker is logged and dropped, never failing the request that made it.
 */
@Component
public class UserSessions {

	private static final Logger log = LoggerFactory.getLogger(UserSessions.class);

	private final SimpMessagingTemplate template;
	private final OnlineUsers online;

	UserSessions(SimpMessagingTemplate template, OnlineUsers online) {
		this.template = template;
		this.online = online;
	}

	/** The signed-in user behind a STOMP session: the one whose cookie opened the socket. */
	public static CurrentUser user(Principal principal) {
		if (principal instanceof SessionAuthentication session) {
			return session.getPrincipal();
		}
		throw DomainException.forbidden("This socket is not signed in");
	}

	/** Whether the user has an open session on any instance. */
	public boolean isOnline(String userId) {
		return online.isOnline(userId);
	}

	/** To every session of the user, on every instance (nothing happens when they have none). */
	public void toUser(String userId, String queue, Object payload) {
		send(userId, queue, payload, null, null);
	}

	/** To one session of the user only. */
	public void toSession(String userId, String sessionId, String queue, Object payload) {
		send(userId, queue, payload, UserDestinations.ONLY_SESSION, sessionId);
	}

	/** To every session of the user except one (e.g. the tab that acted). */
	public void toUserExcept(String userId, String exceptSessionId, String queue, Object payload) {
		send(userId, queue, payload, UserDestinations.EXCEPT_SESSION, exceptSessionId);
	}

	/** An error for the session that sent a refused frame, on {@code /user/queue/errors}. */
	public void error(String userId, String sessionId, StompError error) {
		toSession(userId, sessionId, "/queue/errors", error);
	}

	private void send(String userId, String queue, Object payload, String sessionHeader, String sessionId) {
		Map<String, Object> headers = new HashMap<>(4);
		headers.put(SimpMessageHeaderAccessor.ORIGINAL_DESTINATION, "/user" + queue);
		if (sessionHeader != null) {
			headers.put(sessionHeader, sessionId);
		}
		try {
			template.convertAndSend(UserDestinations.brokerDestination(userId, queue), payload, headers);
		}
		catch (MessageDeliveryException ex) {
			// the broker is unreachable (the relay reconnects by itself): what was stored stays stored, and clients
			// read it afresh when their sockets reconnect
			log.warn("Push to {} not delivered: {}", queue, ex.getMessage());
		}
	}
}
