package com.healthconnect.call.web;

import java.security.Principal;

import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.stereotype.Controller;

import com.healthconnect.call.internal.Signaling;
import com.healthconnect.realtime.SendBudget;
import com.healthconnect.realtime.UserSessions;

import tools.jackson.databind.JsonNode;

/**
 * The signaling destinations of the contract; the sender is always the socket's signed-in user.
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
	void callUser(@Payload CallUser call, Principal principal, @Header(SESSION) String session) {
		signaling.callUser(UserSessions.user(principal), session, call.to(), call.offer(), call.mode(), call.callId(),
				call.appointmentId());
	}

	@MessageMapping("/answer-call")
	void answerCall(@Payload AnswerCall answer, Principal principal, @Header(SESSION) String session) {
		signaling.answerCall(UserSessions.user(principal), session, answer.to(), answer.answer(), answer.callId());
	}

	@MessageMapping("/ice-candidate")
	void iceCandidate(@Payload IceCandidate candidate, Principal principal) {
		signaling.iceCandidate(UserSessions.user(principal), candidate.to(), candidate.candidate(), candidate.callId());
	}

	@MessageMapping("/reject-call")
	void rejectCall(@Payload CallRef call, Principal principal, @Header(SESSION) String session) {
		signaling.rejectCall(UserSessions.user(principal), session, call.to(), call.callId());
	}

	@MessageMapping("/end-call")
	void endCall(@Payload CallRef call, Principal principal) {
		signaling.endCall(UserSessions.user(principal), call.to(), call.callId());
	}

	@MessageMapping("/rejoin-call")
	void rejoinCall(@Payload CallRef call, Principal principal, @Header(SESSION) String session) {
		signaling.rejoinCall(UserSessions.user(principal), session, call.callId());
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
