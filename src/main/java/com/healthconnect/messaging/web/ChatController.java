package com.healthconnect.messaging.web;

import java.security.Principal;

import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Controller;

import com.healthconnect.auth.CurrentUser;
import com.healthconnect.platform.DomainException;
import com.healthconnect.realtime.ConnectedPeers;
import com.healthconnect.realtime.UserSessions;

/** Chat over the socket: typing signals (never stored) and messages (stored, then pushed). */
@Controller
class ChatController {

	private final ConnectedPeers peers;
	private final UserSessions sessions;

	ChatController(ConnectedPeers peers, UserSessions sessions) {
		this.peers = peers;
		this.sessions = sessions;
	}

	@MessageMapping("/typing")
	void typing(@Payload Typing typing, Principal principal) {
		CurrentUser from = UserSessions.user(principal);
		if (typing.to() == null || !peers.areConnected(from.id(), typing.to())) {
			throw DomainException.forbidden("You can only chat with a doctor or patient you have an appointment with");
		}
		sessions.toUser(typing.to(), "/queue/typing", new TypingSignal(from.id()));
	}

	record Typing(String to) {
	}

	record TypingSignal(String from) {
	}
}
