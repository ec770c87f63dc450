package com.healthconnect.messaging.web;

import java.net.URI;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import com.healthconnect.auth.CurrentUser;
import com.healthconnect.messaging.internal.MessageView;
import com.healthconnect.messaging.internal.Messaging;
import com.healthconnect.messaging.internal.Messaging.Conversation;
import com.healthconnect.messaging.internal.Messaging.ReadReceipt;
import com.healthconnect.realtime.ChatBudget;

@RestController
@RequestMapping("/api/messages")
class MessagesController {

	private final Messaging messaging;
	private final ChatBudget chatBudget;

	MessagesController(Messaging messaging, ChatBudget chatBudget) {
		this.messaging = messaging;
		this.chatBudget = chatBudget;
	}

	@GetMapping("/conversations")
	List<Conversation> conversations(@AuthenticationPrincipal CurrentUser user) {
		return messaging.conversations(user);
	}

	@GetMapping("/{userId}")
	List<MessageView> history(@AuthenticationPrincipal CurrentUser user, @PathVariable String userId,
			@RequestParam(required = false) String before, @RequestParam(required = false) Integer limit) {
		return messaging.history(user, userId, before, limit);
	}

	@PostMapping(path = "/{userId}", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<MessageView> sendText(@AuthenticationPrincipal CurrentUser user, @PathVariable String userId,
			@RequestBody TextMessage body) {
		chatBudget.take(user.id());
		return created(userId, messaging.send(user, userId, body.text(), null));
	}

	@PostMapping(path = "/{userId}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<MessageView> sendImage(@AuthenticationPrincipal CurrentUser user, @PathVariable String userId,
			@RequestParam(required = false) String text, @RequestParam("image") MultipartFile image) {
		chatBudget.take(user.id());
		return created(userId, messaging.send(user, userId, text, image));
	}

	@PostMapping("/{userId}/read")
	ReadReceipt read(@AuthenticationPrincipal CurrentUser user, @PathVariable String userId) {
		return messaging.markRead(user, userId);
	}

	private static ResponseEntity<MessageView> created(String userId, MessageView message) {
		return ResponseEntity.created(URI.create("/api/messages/" + userId)).body(message);
	}

	record TextMessage(String text) {
	}
}
