package com.healthconnect.call.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;

/**
 * The calls ringing or in progress on this instance, and who is in one. Starting, answering and ending take one lock
 * (they are rare); looking a call up for an ICE candidate does not.
 */
@Component
class CallRegistry {

	private final ConcurrentHashMap<String, Call> calls = new ConcurrentHashMap<>();
	private final ConcurrentHashMap<String, String> callOfUser = new ConcurrentHashMap<>();

	enum StartResult { STARTED, CALLEE_BUSY, CALLER_BUSY }

	record Started(StartResult result, Call call) {
	}

	synchronized Started start(String callerId, String callerSession, String calleeId, String mode, Instant now) {
		if (callOfUser.containsKey(calleeId)) {
			return new Started(StartResult.CALLEE_BUSY, null);
		}
		if (callOfUser.containsKey(callerId)) {
			return new Started(StartResult.CALLER_BUSY, null);
		}
		Call call = new Call(new ObjectId().toHexString(), callerId, callerSession, calleeId, mode, now);
		calls.put(call.id, call);
		callOfUser.put(callerId, call.id);
		callOfUser.put(calleeId, call.id);
		return new Started(StartResult.STARTED, call);
	}

	/** Marks a ringing call answered by its callee in one session; empty if it is not ringing any more. */
	synchronized Optional<Call> answer(String callId, String calleeId, String callerId, String session, Instant now) {
		Call call = calls.get(callId);
		if (call == null || !call.ringing() || !call.calleeId.equals(calleeId) || !call.callerId.equals(callerId)) {
			return Optional.empty();
		}
		call.answeredAt = now;
		call.calleeSession = session;
		call.cancelRingTimeout();
		return Optional.of(call);
	}

	Optional<Call> find(String callId) {
		return callId == null ? Optional.empty() : Optional.ofNullable(calls.get(callId));
	}

	/** The call the two users are in together, if any. */
	Optional<Call> between(String userA, String userB) {
		String callId = callOfUser.get(userA);
		Call call = callId == null ? null : calls.get(callId);
		return call != null && call.involves(userB) ? Optional.of(call) : Optional.empty();
	}

	/** Ends the call if the user takes part in it. */
	synchronized Optional<Call> end(String callId, String userId) {
		Call call = callId == null ? null : calls.get(callId);
		if (call == null || !call.involves(userId)) {
			return Optional.empty();
		}
		return Optional.of(remove(call));
	}

	synchronized Optional<Call> endIfRinging(String callId) {
		Call call = calls.get(callId);
		return call != null && call.ringing() ? Optional.of(remove(call)) : Optional.empty();
	}

	/** Ends the calls a closed session took part in, and ringing calls to a user who is no longer online. */
	synchronized List<Call> endForClosedSession(String userId, String sessionId, boolean userStillOnline) {
		List<Call> ended = new ArrayList<>();
		for (Call call : List.copyOf(calls.values())) {
			boolean tookPart = sessionId.equals(call.callerSession) || sessionId.equals(call.calleeSession);
			boolean calleeGone = !userStillOnline && call.ringing() && call.calleeId.equals(userId);
			if (tookPart || calleeGone) {
				ended.add(remove(call));
			}
		}
		return ended;
	}

	private Call remove(Call call) {
		call.cancelRingTimeout();
		calls.remove(call.id);
		callOfUser.remove(call.callerId, call.id);
		callOfUser.remove(call.calleeId, call.id);
		return call;
	}
}
