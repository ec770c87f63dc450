package com.healthconnect.call.internal;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

import com.healthconnect.auth.CurrentUser;
import com.healthconnect.appointment.Connections;
import com.healthconnect.realtime.UserSessionClosed;
import com.healthconnect.realtime.UserSessionOpened;
import com.healthconnect.realtime.UserSessions;

/**
 * Tells a user's counterparts when the user comes online (first session) or goes offline (last session closed). Who
 * is online is the {@link UserSessions}' answer over every instance; this only remembers what it last announced per
 * user, so that racing connects and disconnects end in one announcement of the true state. Only counterparts ever
 * learn a user's presence. Announcing may read the database, so it runs on Boot's task executor.
 */
@Component
public class Presence {

	static final String QUEUE = "/queue/presence";
	private static final Logger log = LoggerFactory.getLogger(Presence.class);

	private final UserSessions sessions;
	private final Connections connections;
	private final TaskExecutor executor;
	private final ConcurrentHashMap<String, Boolean> announced = new ConcurrentHashMap<>();

	Presence(UserSessions sessions, Connections connections, @Qualifier("applicationTaskExecutor") TaskExecutor executor) {
		this.sessions = sessions;
		this.connections = connections;
		this.executor = executor;
	}

	/** Whether the other user is online, as far as {@code viewer} may know: only counterparts (and oneself) are shown. */
	public boolean isOnlineFor(CurrentUser viewer, String userId) {
		if (!viewer.id().equals(userId) && !connections.areConnected(viewer.id(), userId)) {
			return false;
		}
		return sessions.isOnline(userId);
	}

	@EventListener
	void connected(UserSessionOpened event) {
		submit(() -> announce(event.user()));
	}

	@EventListener
	void disconnected(UserSessionClosed event) {
		submit(() -> announce(event.user()));
	}

	private void announce(CurrentUser user) {
		List<String> counterparts = connections.counterparts(user);
		announced.compute(user.id(), (id, before) -> {
			boolean online = sessions.isOnline(id);
			if (before == null ? online : before != online) {
				PresenceChange change = new PresenceChange(id, online);
				counterparts.forEach(peer -> sessions.toUser(peer, QUEUE, change));
			}
			return online ? Boolean.TRUE : null;
		});
	}

	private void submit(Runnable task) {
		try {
			executor.execute(task);
		}
		catch (RuntimeException ex) {
			log.warn("Presence update dropped: {}", ex.toString());
		}
	}

	public record PresenceChange(String userId, boolean online) {
	}
}
