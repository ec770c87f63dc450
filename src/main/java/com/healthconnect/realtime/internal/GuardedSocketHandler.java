package com.healthconnect.realtime.internal;

import java.util.Map;

import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import org.springframework.web.socket.handler.WebSocketSessionDecorator;

/**
 * Wraps the STOMP handler for three reasons. Memory: it takes WebSocket messages in parts (the STOMP decoder already
 * reassembles frames up to the frame limit), so each socket needs only a small receive buffer and Spring's 16 KB
 * minimum per socket is not imposed. Lifetime: it tells {@link OpenSockets} which sockets exist, so sign-out and token
 * expiry can close them. Speed: a plain SEND frame to an inline destination (the ICE relay, thousands a second) is read
 * here and handed to the {@link StompGatekeeper}'s inline route, skipping Spring's STOMP decoder, header accessors and
 * inbound channel; every check of the regular route still applies, and whatever is not plain or not allowed takes the
 * regular route. Order holds because a socket's frames are read one after another and each is handled on the thread
 * that read it (the inbound channel has no executor), and because this route is taken only when the decoder holds no
 * part of an earlier frame.
 */
class GuardedSocketHandler extends WebSocketHandlerDecorator {

	private static final String HELD_SURROGATE = GuardedSocketHandler.class.getName() + ".held";
	/** Present while Spring's decoder may hold part of a frame: the next message continues it. */
	private static final String MID_FRAME = GuardedSocketHandler.class.getName() + ".midFrame";

	private final OpenSockets sockets;
	private final StompGatekeeper gatekeeper;
	/** Longest message, in chars, read here: a char is at most 3 UTF-8 bytes, so none exceeds the frame limit. */
	private final int maxDirectChars;

	GuardedSocketHandler(WebSocketHandler delegate, OpenSockets sockets, StompGatekeeper gatekeeper,
			int maxFrameBytes) {
		super(delegate);
		this.sockets = sockets;
		this.gatekeeper = gatekeeper;
		this.maxDirectChars = maxFrameBytes / 3;
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
		Map<String, Object> attributes = session.getAttributes();
		boolean atBoundary;
		if (message instanceof TextMessage text) {
			TextMessage whole = keepSurrogatePairsTogether(session, text);
			if (whole.isLast() && !attributes.containsKey(MID_FRAME) && sentInline(session, whole.getPayload())) {
				return;
			}
			message = whole;
			atBoundary = whole.isLast() && StompFrames.endsAtFrameBoundary(whole.getPayload());
		}
		else if (message instanceof BinaryMessage binary) {
			atBoundary = binary.isLast() && StompFrames.endsAtFrameBoundary(binary.getPayload());
		}
		else {
			atBoundary = !attributes.containsKey(MID_FRAME); // pings and pongs leave the decoder as it was
		}
		if (atBoundary) {
			attributes.remove(MID_FRAME);
		}
		else {
			attributes.put(MID_FRAME, Boolean.TRUE);
		}
		super.handleMessage(session, message);
	}

	private boolean sentInline(WebSocketSession session, String text) {
		if (text.length() > maxDirectChars) {
			return false; // Spring's decoder applies the frame limit
		}
		StompFrames.Send send = StompFrames.plainSend(text);
		return send != null && gatekeeper.sendInline(session.getAttributes(), session.getPrincipal(), session.getId(),
				send.destination(), send.body());
	}

	@Override
	public void afterConnectionClosed(WebSocketSession session, CloseStatus closeStatus) throws Exception {
		sockets.closed(session);
		super.afterConnectionClosed(session, closeStatus);
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
