package com.healthconnect.realtime.internal;

import org.springframework.messaging.Message;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompConversionException;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.web.socket.messaging.StompSubProtocolErrorHandler;

/**
 * The ERROR frame for a refused or unreadable client frame, with a message a person can act on. Setting an error
 * handler at all also makes Spring close the socket after the ERROR frame, as STOMP requires, instead of keeping a
 * session whose decoder is stuck on an oversized frame.
 */
class FrameErrors extends StompSubProtocolErrorHandler {

	private static final byte[] EMPTY = new byte[0];

	@Override
	public Message<byte[]> handleClientMessageProcessingError(Message<byte[]> clientMessage, Throwable ex) {
		StompHeaderAccessor error = StompHeaderAccessor.create(StompCommand.ERROR);
		error.setMessage(describe(ex));
		if (clientMessage != null) {
			StompHeaderAccessor client = StompHeaderAccessor.wrap(clientMessage);
			if (client.getReceipt() != null) {
				error.setReceiptId(client.getReceipt());
			}
		}
		error.setLeaveMutable(true);
		return MessageBuilder.createMessage(EMPTY, error.getMessageHeaders());
	}

	private static String describe(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof StompRefused refused) {
				return refused.getMessage();
			}
			if (t instanceof StompConversionException conversion) {
				String detail = conversion.getMessage() == null ? "" : conversion.getMessage();
				return detail.contains("size limit") || detail.contains("exceeds")
						? "Frame too large: " + detail
						: "Malformed STOMP frame: " + detail;
			}
		}
		return "The frame could not be processed";
	}
}
