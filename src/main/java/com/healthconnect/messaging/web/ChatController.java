package com.healthconnect.messaging.web;

import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.stereotype.Controller;

import com.healthconnect.auth.CurrentUser;
import com.healthconnect.messaging.internal.Messaging;
import com.healthconnect.platform.DomainException;
import com.healthconnect.realtime.SendBudget;
import com.healthconnect.realtime.UserSessions;

/**
 * Chat over the socket: typing signals (never stored) and messages. A message is stored, then pushed, on the inbound
 * channel's executor, which handles a session's frames one at a time in the order sent (so its messages are stored
 * in that order) and never on the threads that read the sockets.
 */
@Controller
@SendBudget(SendBudget.Kind.CHAT)
class ChatController {

	private final Messaging messaging;
	private final UserSessions sessions;

	ChatController(Messaging messaging, UserSessions sessions) {
		this.messaging = messaging;
		this.sessions = sessions;
	}

	@MessageMapping("/typing")
	void typing(@Payload Typing typing, CurrentUser from) {
		if (!messaging.mayChat(from, typing.to())) {
			throw DomainException.forbidden("You can only chat with a doctor or patient you have an appointment with");
		}
		sessions.toUser(typing.to(), "/queue/typing", new TypingSignal(from.id()));
	}

	@MessageMapping("/chat.send")
	void send(@Payload ChatSend message, CurrentUser from, SimpMessageHeaderAccessor headers) {
		Messaging.checkText(message.text(), false);
		if (message.to() == null || message.to().isBlank()) {
			throw DomainException.invalidField("to", "is required");
		}
		// a failure reaches the sender's /user/queue/errors through the one mapping of errors (realtime's advice)
		messaging.send(from, message.to(), message.text(), null, headers.getSessionId());
	}

	record Typing(String to) {
	}

	record TypingSignal(String from) {
	}

	record ChatSend(String to, String text) {
	}
}
