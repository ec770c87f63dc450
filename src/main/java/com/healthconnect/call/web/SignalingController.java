package com.healthconnect.call.web;

import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.stereotype.Controller;

import com.healthconnect.auth.CurrentUser;
import com.healthconnect.call.internal.Signaling;
import com.healthconnect.realtime.SendBudget;

import tools.jackson.databind.JsonNode;

/**
 * The signaling destinations of the contract; the sender is always the socket's signed-in user ({@code from}).
 */
@Controller
@SendBudget(SendBudget.Kind.SIGNALING)
class SignalingController {

	private static final String SESSION = SimpMessageHeaderAccessor.SESSION_ID_HEADER;

	private final Signaling signaling;

	SignalingController(Signaling signaling) {
		this.signaling = signaling;
	}

	@MessageMapping("/call-user")
	void callUser(@Payload CallUser call, CurrentUser from, @Header(SESSION) String session) {
		signaling.callUser(from, session, call.to(), call.offer(), call.mode(), call.callId(),
				call.appointmentId());
	}

	@MessageMapping("/answer-call")
	void answerCall(@Payload AnswerCall answer, CurrentUser from, @Header(SESSION) String session) {
		signaling.answerCall(from, session, answer.to(), answer.answer(), answer.callId());
	}

	@MessageMapping("/ice-candidate")
	void iceCandidate(@Payload IceCandidate candidate, CurrentUser from) {
		signaling.iceCandidate(from, candidate.to(), candidate.candidate(), candidate.callId());
	}

	@MessageMapping("/reject-call")
	void rejectCall(@Payload CallRef call, CurrentUser from, @Header(SESSION) String session) {
		signaling.rejectCall(from, session, call.to(), call.callId());
	}

	@MessageMapping("/end-call")
	void endCall(@Payload CallRef call, CurrentUser from) {
		signaling.endCall(from, call.to(), call.callId());
	}

	@MessageMapping("/rejoin-call")
	void rejoinCall(@Payload CallRef call, CurrentUser from, @Header(SESSION) String session) {
		signaling.rejoinCall(from, session, call.callId());
	}

	/**
	 * {@code callId} is only sent with a new offer inside an answered call (an ICE restart); {@code appointmentId} when
	 * the call is an appointment's visit.
	 */
	record CallUser(String to, JsonNode offer, String mode, String callId, String appointmentId) {
	}

	record AnswerCall(String to, JsonNode answer, String callId) {
	}

	record IceCandidate(String to, JsonNode candidate, String callId) {
	}

	record CallRef(String to, String callId) {
	}
}
