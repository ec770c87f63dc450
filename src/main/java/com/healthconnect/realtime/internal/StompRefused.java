package com.healthconnect.realtime.internal;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessagingException;

/** A client frame the gatekeeper refuses; the client gets an ERROR frame with this message and the socket closes. */
class StompRefused extends MessagingException {

	StompRefused(Message<?> message, String reason) {
		super(message, reason);
	}
}
