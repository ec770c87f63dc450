package com.healthconnect.notification.internal;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One notification of one user in the {@code notifications} collection, and its e-mail: the notification document is
 * the outbox. A notification to be e-mailed is written with its mail rendered ({@code mail}) and {@code mailState}
 * {@code pending} in the same insert, so the mail cannot be lost once the notification exists; a sender claims it
 * ({@code sending}, {@code mailClaimedAt}), and marks it {@code sent} (dropping the rendered copy) or puts it back to
 * {@code pending} with a later {@code mailNextAt}, or {@code failed} after the last attempt. No {@code mailState}: not
 * e-mailed (mail off, or the user opted out).
 */
@Document("notifications")
public record Notification(@Id String id, String userId, String type, String title, String body,
		String appointmentId, Instant createdAt, Instant readAt, MailDraft mail, String mailState,
		Integer mailAttempts, Instant mailNextAt, Instant mailClaimedAt, Instant mailedAt) {

	public static final String PENDING = "pending";
	public static final String SENDING = "sending";
	public static final String SENT = "sent";
	public static final String FAILED = "failed";

	/** A new notification, with its mail to send or none. */
	public static Notification create(String id, String userId, String type, String title, String body,
			String appointmentId, Instant createdAt, MailDraft mail) {
		return new Notification(id, userId, type, title, body, appointmentId, createdAt, null, mail,
				mail == null ? null : PENDING, mail == null ? null : 0, mail == null ? null : createdAt, null, null);
	}

	/**
	 * The mail as rendered when the notification was made (the recipient's zone and name of that moment).
	 *
	 * @param calendar the appointment's ICS to attach, or null
	 */
	public record MailDraft(String to, String subject, String text, String calendar) {
	}
}
