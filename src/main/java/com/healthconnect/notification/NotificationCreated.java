package com.healthconnect.notification;

/** A notification was stored and pushed; the e-mail side listens to this. */
public record NotificationCreated(String userId, NotificationView notification, Object subject) {
}
