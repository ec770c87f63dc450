package com.healthconnect.messaging.web;

import java.security.Principal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.stereotype.Controller;

import com.healthconnect.auth.CurrentUser;
import com.healthconnect.messaging.internal.Messaging;
import com.healthconnect.platform.DomainException;
import com.healthconnect.realtime.SendBudget;
import com.healthconnect.realtime.StompError;
import com.healthconnect.realtime.UserSessions;

/**
 * Chat over the socket: typing signals (never stored) and messages. A message is stored, then pushed, on the inbound
 * channel's executor, which handles a session's frames one at a time in the order sent (so its messages are stored
 * in that order) and never on the threads that read the sockets.
 */
@Controller
@SendBudget(SendBudget.Kind.CHAT)
class ChatController {

	static final String CHAT_SEND = "/app/chat.send";
	private static final Logger log = LoggerFactory.getLogger(ChatController.class);

	private final Messaging messaging;
	private final UserSessions sessions;

	ChatController(Messaging messaging, UserSessions sessions) {
		this.messaging = messaging;
		this.sessions = sessions;
	}

	@MessageMapping("/typing")
	void typing(@Payload Typing typing, Principal principal) {
		CurrentUser from = UserSessions.user(principal);
		if (!messaging.mayChat(from, typing.to())) {
			throw DomainException.forbidden("You can only chat with a doctor or patient you have an appointment with");
		}
		sessions.toUser(typing.to(), "/queue/typing", new TypingSignal(from.id()));
	}

	@MessageMapping("/chat.send")
	void send(@Payload ChatSend message, Principal principal, SimpMessageHeaderAccessor headers) {
		CurrentUser from = UserSessions.user(principal);
		Messaging.checkText(message.text(), false);
		if (message.to() == null || message.to().isBlank()) {
			throw DomainException.invalidField("to", "is required");
		}
		String sessionId = headers.getSessionId();
		try {
			messaging.send(from, message.to(), message.text(), null, sessionId);
		}
		catch (DomainException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			log.error("Storing a chat message failed", ex);
			sessions.error(from.id(), sessionId, new StompError(500, "Internal error",
					"The message could not be stored; send it again", CHAT_SEND));
		}
	}

	record Typing(String to) {
	}

	record TypingSignal(String from) {
	}

	record ChatSend(String to, String text) {
	}
}
