package com.healthconnect.call.internal;

import java.time.Instant;
import java.util.concurrent.ScheduledFuture;

/** A call in progress (ringing or answered); only {@link CallRegistry} changes it, under its lock. */
final class Call {

	final String id;
	final String callerId;
	final String callerSession;
	final String calleeId;
	final String mode;
	final Instant startedAt;
	volatile Instant answeredAt;
	volatile String calleeSession;
	volatile ScheduledFuture<?> ringTimeout;
	/** Set right after the call starts, before anyone hears of it. */
	volatile String appointmentId;
	volatile String callerName;

	Call(String id, String callerId, String callerSession, String calleeId, String mode, Instant startedAt) {
		this.id = id;
		this.callerId = callerId;
		this.callerSession = callerSession;
		this.calleeId = calleeId;
		this.mode = mode;
		this.startedAt = startedAt;
	}

	boolean ringing() {
		return answeredAt == null;
	}

	boolean involves(String userId) {
		return callerId.equals(userId) || calleeId.equals(userId);
	}

	String peerOf(String userId) {
		return callerId.equals(userId) ? calleeId : callerId;
	}

	/** The session of this user taking part in the call, once known. */
	String sessionOf(String userId) {
		return callerId.equals(userId) ? callerSession : calleeSession;
	}

	CallRecord record(Instant endedAt, CallOutcome outcome) {
		return new CallRecord(id, callerId, calleeId, mode, startedAt, answeredAt, endedAt, outcome, appointmentId);
	}

	void cancelRingTimeout() {
		ScheduledFuture<?> timeout = ringTimeout;
		if (timeout != null) {
			timeout.cancel(false);
		}
	}
}
