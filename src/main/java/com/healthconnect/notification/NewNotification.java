package com.healthconnect.notification;

/**
 * A notification for one user, as other modules hand it over ({@code type} as the contract names it, e.g.
 * {@code doctor-verified}). Title and body must carry nothing medical: they may be e-mailed.
 */
public record NewNotification(String userId, String type, String title, String body, String appointmentId) {
}
