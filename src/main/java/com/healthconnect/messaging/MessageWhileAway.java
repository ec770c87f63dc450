package com.healthconnect.messaging;

/** A message arrived for a user with no open session: they are told by notification (never the text itself). */
public record MessageWhileAway(String receiverId, String senderId, String senderName) {
}
