package com.healthconnect.messaging.internal;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One chat message in the {@code messages} collection. */
@Document("messages")
public record Message(@Id String id, String senderId, String receiverId, String type, String text, String imageId,
		boolean read, Instant readAt, Instant createdAt) {

	boolean involves(String userA, String userB) {
		return (senderId.equals(userA) && receiverId.equals(userB))
				|| (senderId.equals(userB) && receiverId.equals(userA));
	}
}
