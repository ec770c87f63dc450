package com.healthconnect.notification;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The notification JSON: {@code {id, type, title, body, appointmentId?, createdAt, readAt}}. */
public record NotificationView(String id, String type, String title, String body,
		@JsonInclude(JsonInclude.Include.NON_NULL) String appointmentId, Instant createdAt, Instant readAt) {
}
