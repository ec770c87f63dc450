package com.healthconnect.messaging.internal;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.healthconnect.media.MediaRef;

/** The message JSON of the contract. */
public record MessageView(String id, String senderId, String receiverId, String type, String text,
		@JsonInclude(JsonInclude.Include.NON_NULL) MediaRef image, boolean read, Instant readAt, Instant createdAt) {

	static MessageView of(Message message) {
		return new MessageView(message.id(), message.senderId(), message.receiverId(), message.type(), message.text(),
				message.imageId() == null ? null : MediaRef.of(message.imageId()), message.read(), message.readAt(),
				message.createdAt());
	}
}
