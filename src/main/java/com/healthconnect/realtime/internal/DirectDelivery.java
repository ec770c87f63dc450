package com.healthconnect.realtime.internal;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.broker.AbstractBrokerMessageHandler;
import org.springframework.messaging.simp.broker.SimpleBrokerMessageHandler;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeTypeUtils;

/**
 * Delivers a JSON payload to one session's subscriptions of one user queue, straight into the client outbound channel.
 * <p>
 * The regular route for a push to {@code /user/{id}/queue/x} builds a message, resolves the user destination to the
 * session's {@code /queue/x-user<session>} (a copy of the message), asks the broker for its subscribers (another copy
 * per subscription) and only then reaches the outbound channel. For a frame relayed many times a second per call that
 * was most of the relay's cost after the socket I/O. This skips to the end of that route with what it would have
 * found: the same subscription ids from the broker's own registry, the destination the client subscribed to.
 * <p>
 * Order is kept: the outbound channel writes on the calling thread (see {@code WebSocketConfiguration}), the same
 * place every other push to the session ends, so a frame sent after another one by the same thread is written after it.
 */
@Component
public class DirectDelivery {

	private final SimpleBrokerMessageHandler broker;
	private final MessageChannel outbound;

	DirectDelivery(@Qualifier("simpleBrokerMessageHandler") AbstractBrokerMessageHandler simpleBrokerMessageHandler,
			@Qualifier("clientOutboundChannel") MessageChannel clientOutboundChannel) {
		this.broker = (SimpleBrokerMessageHandler) simpleBrokerMessageHandler;
		this.outbound = clientOutboundChannel;
	}

	/**
	 * @param sessionId the session, already known to belong to the addressee
	 * @param queue e.g. {@code /queue/ice-candidate}; the client subscribed to {@code /user/queue/ice-candidate}
	 */
	public void toSession(String sessionId, String queue, byte[] json) {
		ExactSubscriptionRegistry registry = (ExactSubscriptionRegistry) broker.getSubscriptionRegistry();
		String destination = "/user" + queue;
		for (String subscriptionId : registry.subscriptionIds(queue + "-user" + sessionId, sessionId)) {
			SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
			headers.setSessionId(sessionId);
			headers.setSubscriptionId(subscriptionId);
			headers.setDestination(destination);
			headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
			headers.setLeaveMutable(true);
			outbound.send(MessageBuilder.createMessage(json, headers.getMessageHeaders()));
		}
	}
}
