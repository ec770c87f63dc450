package com.healthconnect.notification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

import org.bson.types.ObjectId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

import com.healthconnect.notification.internal.Notification;
import com.healthconnect.notification.internal.Notification.MailDraft;
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
	private final NotificationMail mails;
	private final MailOutbox outbox;

	Notifications(NotificationStore store, UserSessions sessions, ApplicationEventPublisher events, Clock clock,
			NotificationMail mails, MailOutbox outbox) {
		this.store = store;
		this.sessions = sessions;
		this.events = events;
		this.clock = clock;
		this.mails = mails;
		this.outbox = outbox;
	}

	public NotificationView notify(NewNotification notification) {
		return notify(notification, null);
	}

	/**
	 * Stores the notification with its e-mail (rendered now, sent from the outbox off this thread), then pushes it.
	 * {@code subject} is what the notification is about (e.g. the appointment), for the e-mail to render. A keyed
	 * notification that exists already (a redelivery) is returned as it is: not stored, pushed or mailed again.
	 */
	public NotificationView notify(NewNotification n, Object subject) {
		String id = n.key() == null ? new ObjectId().toHexString() : idFor(n.key(), n.userId());
		if (n.key() != null) {
			Optional<Notification> existing = store.find(id);
			if (existing.isPresent()) {
				return view(existing.get());
			}
		}
		Instant now = clock.instant();
		MailDraft mail = mails.render(n.userId(),
				new NotificationView(id, n.type(), n.title(), n.body(), n.appointmentId(), now, null), subject)
			.orElse(null);
		Optional<Notification> saved = store.insertOnce(
				Notification.create(id, n.userId(), n.type(), n.title(), n.body(), n.appointmentId(), now, mail));
		if (saved.isEmpty()) {
			return store.find(id).map(Notifications::view).orElseThrow();
		}
		NotificationView view = view(saved.get());
		sessions.toUser(n.userId(), QUEUE, view);
		if (mail != null) {
			outbox.sendSoon(id);
		}
		events.publishEvent(new NotificationCreated(n.userId(), view, subject));
		return view;
	}

	/** The same key and user always give the same id (an ObjectId made of the first 12 bytes of their SHA-256). */
	static String idFor(String key, String userId) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256")
				.digest((key + "|" + userId).getBytes(StandardCharsets.UTF_8));
			return new ObjectId(Arrays.copyOf(hash, 12)).toHexString();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
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
