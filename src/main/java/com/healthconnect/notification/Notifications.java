package com.healthconnect.notification;

import java.time.Clock;
import java.time.Instant;

import org.bson.types.ObjectId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

import com.healthconnect.notification.internal.Notification;
import com.healthconnect.notification.internal.NotificationStore;
import com.healthconnect.platform.DomainException;
import com.healthconnect.platform.Pages;
import com.healthconnect.realtime.UserSessions;

/**
 * Stores a user's notifications, pushes each new one to their open sessions on {@code /user/queue/notifications},
 * and keeps read state and the e-mail preference. Other modules call {@link #notify(NewNotification)}.
 */
@Service
public class Notifications {

	static final String QUEUE = "/queue/notifications";

	private final NotificationStore store;
	private final UserSessions sessions;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	Notifications(NotificationStore store, UserSessions sessions, ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.sessions = sessions;
		this.events = events;
		this.clock = clock;
	}

	public NotificationView notify(NewNotification notification) {
		return notify(notification, null);
	}

	/** {@code subject} is what the notification is about (e.g. the appointment), for the e-mail to render. */
	public NotificationView notify(NewNotification n, Object subject) {
		Notification saved = store.insert(new Notification(new ObjectId().toHexString(), n.userId(), n.type(),
				n.title(), n.body(), n.appointmentId(), clock.instant(), null));
		NotificationView view = view(saved);
		sessions.toUser(n.userId(), QUEUE, view);
		events.publishEvent(new NotificationCreated(n.userId(), view, subject));
		return view;
	}

	public Pages<NotificationView> list(String userId, Boolean unread, Integer page, Integer size) {
		PageRequest request = Pages.request(page, size, Sort.by(Sort.Direction.DESC, "createdAt", "_id"));
		return Pages.of(store.page(userId, Boolean.TRUE.equals(unread), request), Notifications::view);
	}

	public void markRead(String userId, String id) {
		if (!store.markRead(userId, id, clock.instant())) {
			throw DomainException.notFound("No such notification");
		}
	}

	public void markAllRead(String userId) {
		store.markAllRead(userId, clock.instant());
	}

	public NotificationPreferences preferences(String userId) {
		return new NotificationPreferences(store.emailOn(userId));
	}

	public NotificationPreferences updatePreferences(String userId, NotificationPreferences preferences) {
		store.setEmail(userId, preferences.email());
		return preferences(userId);
	}

	public boolean emailOn(String userId) {
		return store.emailOn(userId);
	}

	static NotificationView view(Notification n) {
		Instant readAt = n.readAt();
		return new NotificationView(n.id(), n.type(), n.title(), n.body(), n.appointmentId(), n.createdAt(), readAt);
	}
}
