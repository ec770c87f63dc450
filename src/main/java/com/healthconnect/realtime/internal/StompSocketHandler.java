package com.healthconnect.realtime.internal;

import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.SubscribableChannel;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.SessionLimitExceededException;
import org.springframework.web.socket.messaging.SubProtocolWebSocketHandler;

/**
 * Spring's STOMP socket handler, which also lets {@link DirectDelivery} write an encoded frame to a session. The frame
 * goes through the same send decorator as every frame Spring writes to that session
 * ({@code ConcurrentWebSocketSessionDecorator}: one writer at a time, the rest buffered, a client that is too slow or
 * too far behind disconnected), so the two kinds of frames keep their order and the same limits.
 */
class StompSocketHandler extends SubProtocolWebSocketHandler {

	private static final Logger log = LoggerFactory.getLogger(StompSocketHandler.class);

	/** Each open session's send decorator, by session id. */
	private final ConcurrentHashMap<String, WebSocketSession> senders = new ConcurrentHashMap<>();

	StompSocketHandler(MessageChannel clientInboundChannel, SubscribableChannel clientOutboundChannel) {
		super(clientInboundChannel, clientOutboundChannel);
	}

	@Override
	protected WebSocketSession decorateSession(WebSocketSession session) {
		WebSocketSession sender = super.decorateSession(session);
		senders.put(sender.getId(), sender);
		return sender;
	}

	@Override
	public void afterConnectionClosed(WebSocketSession session, CloseStatus closeStatus) throws Exception {
		senders.remove(session.getId());
		super.afterConnectionClosed(session, closeStatus);
	}

	/**
	 * Writes one STOMP frame to the session, if it is still open; failures are handled as Spring handles them for its
	 * own frames.
	 */
	void send(String sessionId, String frame) {
		WebSocketSession sender = senders.get(sessionId);
		if (sender == null) {
			return; // closed meanwhile: the broker route would have dropped the frame too
		}
		try {
			sender.sendMessage(new TextMessage(frame));
		}
		catch (SessionLimitExceededException ex) {
			log.warn("Terminating '{}': {}", sender, ex.getMessage());
			try {
				afterConnectionClosed(sender, ex.getStatus()); // clear first: the session may be unresponsive
				sender.close(ex.getStatus());
			}
			catch (Exception closing) {
				log.debug("Failure while closing session {}", sessionId, closing);
			}
		}
		catch (Exception ex) {
			// part of the normal course, for example a browser tab closed
			log.debug("Failed to send a frame to {}", sender, ex);
		}
	}
}
