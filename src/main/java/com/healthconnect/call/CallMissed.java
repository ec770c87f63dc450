package com.healthconnect.call;

/** A call rang and was never answered: the callee is told (a {@code call-missed} notification). */
public record CallMissed(String calleeId, String callerId, String callerName, String callId, String appointmentId) {
}
