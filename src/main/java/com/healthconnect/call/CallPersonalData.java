package com.healthconnect.call;

import java.time.Instant;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.healthconnect.auth.CurrentUser;
import com.healthconnect.call.internal.CallLog;
import com.healthconnect.call.internal.CallOutcome;
import com.healthconnect.call.internal.CallRecord;
import com.healthconnect.privacy.PersonalData;

/**
 * The user's call log, oldest first, each call seen from their side. Calls stay when the account is deleted: they
 * hold ids and times only, and are the other participant's log too.
 */
@Component
@Order(25)
class CallPersonalData implements PersonalData {

	private final CallLog log;

	CallPersonalData(CallLog log) {
		this.log = log;
	}

	@Override
	public String section() {
		return "calls";
	}

	@Override
	public Object export(CurrentUser user) {
		return log.allOf(user.id()).stream().map(call -> ExportedCall.of(call, user.id())).toList();
	}

	@Override
	public void erase(CurrentUser user) {
		// kept: ids and times only, and the other participant's log as well
	}

	record ExportedCall(String id, String direction, String peerId, String mode, String appointmentId,
			Instant startedAt, Instant answeredAt, Instant endedAt, CallOutcome outcome) {

		static ExportedCall of(CallRecord call, String userId) {
			boolean outgoing = userId.equals(call.callerId());
			return new ExportedCall(call.id(), outgoing ? "outgoing" : "incoming",
					outgoing ? call.calleeId() : call.callerId(), call.mode(), call.appointmentId(), call.startedAt(),
					call.answeredAt(), call.endedAt(), call.outcome());
		}
	}
}
