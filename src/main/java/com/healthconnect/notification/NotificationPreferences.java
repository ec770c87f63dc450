package com.healthconnect.notification;

import jakarta.validation.constraints.NotNull;

/** {@code GET/PUT /api/notifications/preferences}: whether notifications are also e-mailed. */
public record NotificationPreferences(@NotNull Boolean email) {
}
