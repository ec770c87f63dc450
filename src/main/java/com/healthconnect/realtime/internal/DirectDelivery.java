package com.healthconnect.realtime.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.messaging.simp.broker.AbstractBrokerMessageHandler;
import org.springframework.messaging.simp.broker.SimpleBrokerMessageHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketHandler;

/**
 * Delivers a JSON payload to one session's subscriptions of one user queue, written to the session as a MESSAGE frame.
 * <p>
 * The regular route for a push to {@code /user/{id}/queue/x} builds a message, resolves the user destination to the
 * session's {@code /queue/x-user<session>} (a copy of the message), asks the broker for its subscribers (another copy
 * per subscription), passes each copy through the outbound channel to Spring's STOMP handler, which copies the headers
 * once more and encodes the frame. For a frame relayed many times a second per call that was most of the relay's
 * cost after the socket I/O. This skips to the end of that route with what it would have found: the same subscription
 * ids from the broker's own registry, the destination the client subscribed to, the frame Spring's encoder writes.
 * <p>
 * Order is kept: the frame is written on the calling thread through the session's send decorator, where every other
 * push to the session ends too (the outbound channel writes in place, see {@code WebSocketConfiguration}), so a frame
 * sent after another one by the same thread is written after it.
 */
@Component
public class DirectDelivery {

	private final SimpleBrokerMessageHandler broker;
	private final StompSocketHandler sockets;
	/** Message ids of frames written here: the session id, then {@code -d} and a number (Spring's are numbers only). */
	private final AtomicLong messageIds = new AtomicLong();

	DirectDelivery(@Qualifier("simpleBrokerMessageHandler") AbstractBrokerMessageHandler simpleBrokerMessageHandler,
			@Qualifier("subProtocolWebSocketHandler") WebSocketHandler subProtocolWebSocketHandler) {
		this.broker = (SimpleBrokerMessageHandler) simpleBrokerMessageHandler;
		this.sockets = (StompSocketHandler) subProtocolWebSocketHandler;
	}

	/**
	 * @param sessionId the session, already known to belong to the addressee
	 * @param queue e.g. {@code /queue/ice-candidate}; the client subscribed to {@code /user/queue/ice-candidate}
	 */
	public void toSession(String sessionId, String queue, byte[] json) {
		ExactSubscriptionRegistry registry = (ExactSubscriptionRegistry) broker.getSubscriptionRegistry();
		List<String> subscriptionIds = registry.subscriptionIds(queue + "-user" + sessionId, sessionId);
		if (subscriptionIds.isEmpty()) {
			return;
		}
		String destination = "/user" + queue;
		String body = new String(json, StandardCharsets.UTF_8);
		for (String subscriptionId : subscriptionIds) {
			String messageId = sessionId + "-d" + messageIds.getAndIncrement();
			sockets.send(sessionId, StompFrames.message(destination, subscriptionId, messageId, body, json.length));
		}
	}
}
