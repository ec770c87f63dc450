package com.healthconnect.realtime;

import com.healthconnect.auth.CurrentUser;

/** A user's STOMP session connected on this instance and is counted as online everywhere. */
public record UserSessionOpened(CurrentUser user, String sessionId) {
}
