package com.healthconnect.realtime.internal;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import org.springframework.web.socket.handler.WebSocketSessionDecorator;

/**
 * Wraps the STOMP handler for two reasons. Memory: it takes WebSocket messages in parts (the STOMP decoder already
 * reassembles frames up to the frame limit), so each socket needs only a small receive buffer and Spring's 16 KB
 * minimum per socket is not imposed. Lifetime: it tells {@link OpenSockets} which sockets exist, so sign-out and token
 * expiry can close them, and {@link SessionDirectory} when one closes, so no instance counts its user online for it.
 */
class GuardedSocketHandler extends WebSocketHandlerDecorator {

	private static final String HELD_SURROGATE = GuardedSocketHandler.class.getName() + ".held";

	private final OpenSockets sockets;
	private final SessionDirectory directory;

	GuardedSocketHandler(WebSocketHandler delegate, OpenSockets sockets, SessionDirectory directory) {
		super(delegate);
		this.sockets = sockets;
		this.directory = directory;
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession session) throws Exception {
		boolean accepted = sockets.opened(session);
		super.afterConnectionEstablished(new FixedBuffers(session));
		if (!accepted) {
			session.close(OpenSockets.TOO_MANY); // its user holds as many sockets as allowed
		}
	}

	@Override
	public void handleMessage(WebSocketSession session, WebSocketMessage<?> message) throws Exception {
		if (message instanceof TextMessage text) {
			message = keepSurrogatePairsTogether(session, text);
		}
		super.handleMessage(session, message);
	}

	@Override
	public void afterConnectionClosed(WebSocketSession session, CloseStatus closeStatus) throws Exception {
		sockets.closed(session);
		try {
			super.afterConnectionClosed(session, closeStatus);
		}
		finally {
			directory.closed(session.getId());
		}
	}

	@Override
	public boolean supportsPartialMessages() {
		return true;
	}

	/** A part may end between the two halves of a surrogate pair; hold the first half back for the next part. */
	private static TextMessage keepSurrogatePairsTogether(WebSocketSession session, TextMessage text) {
		String held = (String) session.getAttributes().remove(HELD_SURROGATE);
		String payload = held == null ? text.getPayload() : held + text.getPayload();
		if (!text.isLast() && !payload.isEmpty() && Character.isHighSurrogate(payload.charAt(payload.length() - 1))) {
			session.getAttributes().put(HELD_SURROGATE, payload.substring(payload.length() - 1));
			return new TextMessage(payload.substring(0, payload.length() - 1), false);
		}
		return held == null ? text : new TextMessage(payload, text.isLast());
	}

	/** Keeps the container's receive buffers at the configured size. */
	private static final class FixedBuffers extends WebSocketSessionDecorator {

		FixedBuffers(WebSocketSession session) {
			super(session);
		}

		@Override
		public void setTextMessageSizeLimit(int messageSizeLimit) {
		}

		@Override
		public void setBinaryMessageSizeLimit(int messageSizeLimit) {
		}
	}
}
