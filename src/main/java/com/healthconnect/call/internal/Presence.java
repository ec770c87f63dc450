package com.healthconnect.call.internal;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.AbstractSubProtocolEvent;
import org.springframework.web.socket.messaging.SessionConnectedEvent;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

import com.healthconnect.auth.CurrentUser;
import com.healthconnect.auth.SessionAuthentication;
import com.healthconnect.realtime.BlockingWork;
import com.healthconnect.realtime.ConnectedPeers;
import com.healthconnect.realtime.UserSessions;

/**
 * Tells a user's counterparts when the user comes online (first session) or goes offline (last session closed). Who
 * is online is the broker's user registry; this only remembers what it last announced per user, so that racing
 * connects and disconnects end in one announcement of the true state. Only counterparts ever learn a user's presence.
 */
@Component
public class Presence {

	static final String QUEUE = "/queue/presence";
	private static final Logger log = LoggerFactory.getLogger(Presence.class);

	private final UserSessions sessions;
	private final ConnectedPeers peers;
	private final BlockingWork blocking;
	private final Signaling signaling;
	private final ConcurrentHashMap<String, Boolean> announced = new ConcurrentHashMap<>();

	Presence(UserSessions sessions, ConnectedPeers peers, BlockingWork blocking, Signaling signaling) {
		this.sessions = sessions;
		this.peers = peers;
		this.blocking = blocking;
		this.signaling = signaling;
	}

	/** Whether the other user is online, as far as {@code viewer} may know: only counterparts (and oneself) are shown. */
	public boolean isOnlineFor(CurrentUser viewer, String userId) {
		if (!viewer.id().equals(userId) && !peers.areConnected(viewer.id(), userId)) {
			return false;
		}
		return sessions.isOnline(userId);
	}

	@EventListener
	void connected(SessionConnectedEvent event) {
		CurrentUser user = user(event);
		if (user != null) {
			// counterparts may need a database lookup: not on the broker's threads
			submit(() -> announce(user));
		}
	}

	@EventListener
	void disconnected(SessionDisconnectEvent event) {
		CurrentUser user = user(event);
		if (user != null) {
			signaling.sessionClosed(user.id(), event.getSessionId());
			submit(() -> announce(user));
		}
	}

	private void announce(CurrentUser user) {
		List<String> counterparts = peers.counterparts(user);
		announced.compute(user.id(), (id, before) -> {
			boolean online = sessions.isOnline(id);
			if (before == null ? online : before != online) {
				PresenceChange change = new PresenceChange(id, online);
				counterparts.stream().filter(sessions::isOnline).forEach(peer -> sessions.toUser(peer, QUEUE, change));
			}
			return online ? Boolean.TRUE : null;
		});
	}

	private void submit(Runnable task) {
		try {
			blocking.execute(task);
		}
		catch (RuntimeException ex) {
			log.warn("Presence update dropped: {}", ex.toString());
		}
	}

	private static CurrentUser user(AbstractSubProtocolEvent event) {
		return event.getUser() instanceof SessionAuthentication auth ? auth.getPrincipal() : null;
	}

	public record PresenceChange(String userId, boolean online) {
	}
}
