package com.healthconnect.messaging.web;

import java.security.Principal;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.stereotype.Controller;

import com.healthconnect.auth.CurrentUser;
import com.healthconnect.messaging.internal.Messaging;
import com.healthconnect.platform.DomainException;
import com.healthconnect.realtime.BlockingWork;
import com.healthconnect.realtime.StompError;
import com.healthconnect.realtime.UserSessions;

/**
 * Chat over the socket: typing signals (never stored) and messages. A message is stored, then pushed; the store runs
 * on {@link BlockingWork}, in the order the session sent its messages, so the threads that read the sockets never
 * wait on MongoDB.
 */
@Controller
class ChatController {

	static final String CHAT_SEND = "/app/chat.send";
	private static final Logger log = LoggerFactory.getLogger(ChatController.class);

	private final Messaging messaging;
	private final UserSessions sessions;
	private final BlockingWork blocking;

	ChatController(Messaging messaging, UserSessions sessions, BlockingWork blocking) {
		this.messaging = messaging;
		this.sessions = sessions;
		this.blocking = blocking;
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
		Map<String, Object> attributes = headers.getSessionAttributes();
		blocking.executeInOrder(attributes, () -> {
			try {
				messaging.send(from, message.to(), message.text(), null, sessionId);
			}
			catch (DomainException ex) {
				sessions.error(from.id(), sessionId,
						new StompError(ex.status().value(), ex.title(), ex.getMessage(), CHAT_SEND));
			}
			catch (RuntimeException ex) {
				log.error("Storing a chat message failed", ex);
				sessions.error(from.id(), sessionId, new StompError(500, "Internal error",
						"The message could not be stored; send it again", CHAT_SEND));
			}
		});
	}

	record Typing(String to) {
	}

	record TypingSignal(String from) {
	}

	record ChatSend(String to, String text) {
	}
}
