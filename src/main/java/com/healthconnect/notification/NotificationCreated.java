package com.healthconnect.notification;

/** A notification was stored (with its mail, if any, in the outbox) and pushed; for whoever wants to react to it. */
public record NotificationCreated(String userId, NotificationView notification, Object subject) {
}
