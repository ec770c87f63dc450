package com.healthconnect.call.internal;

import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * A call ringing or in progress, as {@link CallRegistry} read it from MongoDB: a snapshot, changed only by the
 * registry's atomic updates there, so every instance sees the same call. Its {@code _id} is stored as an ObjectId,
 * as Spring Data maps an id that looks like one in every query.
 */
final class Call {

	final String id;
	final String callerId;
	final String callerSession;
	final String calleeId;
	final String calleeSession;
	final String mode;
	final Instant startedAt;
	final Instant answeredAt;
	final Instant ringsUntil;
	final String appointmentId;
	final String callerName;
	/** Set while the caller's connection is gone: the call is dropped unless the caller rejoins by then. */
	final Instant callerRejoinBy;
	/** The same for the callee. */
	final Instant calleeRejoinBy;

	Call(String id, String callerId, String callerSession, String calleeId, String calleeSession, String mode,
			Instant startedAt, Instant answeredAt, Instant ringsUntil, String appointmentId, String callerName) {
		this(id, callerId, callerSession, calleeId, calleeSession, mode, startedAt, answeredAt, ringsUntil, appointmentId,
				callerName, null, null);
	}

	private Call(String id, String callerId, String callerSession, String calleeId, String calleeSession, String mode,
			Instant startedAt, Instant answeredAt, Instant ringsUntil, String appointmentId, String callerName,
			Instant callerRejoinBy, Instant calleeRejoinBy) {
		this.id = id;
		this.callerId = callerId;
		this.callerSession = callerSession;
		this.calleeId = calleeId;
		this.calleeSession = calleeSession;
		this.mode = mode;
		this.startedAt = startedAt;
		this.answeredAt = answeredAt;
		this.ringsUntil = ringsUntil;
		this.appointmentId = appointmentId;
		this.callerName = callerName;
		this.callerRejoinBy = callerRejoinBy;
		this.calleeRejoinBy = calleeRejoinBy;
	}

	static Call of(Document document) {
		return new Call(document.get("_id").toString(), document.getString("callerId"), document.getString("callerSession"),
				document.getString("calleeId"), document.getString("calleeSession"), document.getString("mode"),
				instant(document, "startedAt"), instant(document, "answeredAt"), instant(document, "ringsUntil"),
				document.getString("appointmentId"), document.getString("callerName"), instant(document, "callerRejoinBy"),
				instant(document, "calleeRejoinBy"));
	}

	Document toDocument() {
		return new Document("_id", new ObjectId(id)).append("callerId", callerId)
			.append("callerSession", callerSession)
			.append("calleeId", calleeId)
			.append("calleeSession", calleeSession)
			.append("mode", mode)
			.append("startedAt", startedAt)
			.append("answeredAt", answeredAt)
			.append("ringsUntil", ringsUntil)
			.append("appointmentId", appointmentId)
			.append("callerName", callerName);
	}

	private static Instant instant(Document document, String field) {
		Date date = document.getDate(field);
		return date == null ? null : date.toInstant();
	}

	boolean ringing() {
		return answeredAt == null;
	}

	boolean involves(String userId) {
		return callerId.equals(userId) || calleeId.equals(userId);
	}

	/** Whether this user's connection dropped and the call waits for them to rejoin. */
	boolean interruptedFor(String userId) {
		return (callerId.equals(userId) ? callerRejoinBy : calleeRejoinBy) != null;
	}

	/** The field of this party's session ({@code callerSession} or {@code calleeSession}). */
	static String sessionField(boolean caller) {
		return caller ? "callerSession" : "calleeSession";
	}

	/** The field of this party's rejoin deadline. */
	static String rejoinByField(boolean caller) {
		return caller ? "callerRejoinBy" : "calleeRejoinBy";
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
}
