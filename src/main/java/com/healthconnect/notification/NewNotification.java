package com.healthconnect.notification;

/**
 * A notification for one user, as other modules hand it over ({@code type} as the contract names it, e.g.
 * {@code doctor-verified}). Title and body must carry nothing medical: they may be e-mailed.
 *
 * @param key when not null, what makes this notification one of a kind (e.g. a reminder's claim): the same key for
 * the same user again, as a redelivery after a crash hands it over, adds no second notification and no second mail
 */
public record NewNotification(String userId, String type, String title, String body, String appointmentId,
		String key) {

	public NewNotification(String userId, String type, String title, String body, String appointmentId) {
		this(userId, type, title, body, appointmentId, null);
	}
}
