package com.healthconnect.notification.internal;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One notification of one user in the {@code notifications} collection. */
@Document("notifications")
public record Notification(@Id String id, String userId, String type, String title, String body,
		String appointmentId, Instant createdAt, Instant readAt) {
}
