package com.healthconnect.realtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.support.MessageBuilder;

class ExactSubscriptionRegistryTest {

	final ExactSubscriptionRegistry registry = new ExactSubscriptionRegistry();

	@Test
	void findsSubscribersOfExactlyThatDestination() {
		registry.registerSubscription(subscribe("s1", "sub-1", "/queue/ice-candidate-users1"));
		registry.registerSubscription(subscribe("s1", "sub-2", "/queue/messages-users1"));
		registry.registerSubscription(subscribe("s2", "sub-1", "/queue/ice-candidate-users2"));

		assertThat(registry.findSubscriptions(message("/queue/ice-candidate-users1")).toSingleValueMap())
			.containsExactly(java.util.Map.entry("s1", "sub-1"));
		assertThat(registry.findSubscriptions(message("/queue/ice-candidate-users2")).get("s2")).containsExactly("sub-1");
		assertThat(registry.findSubscriptions(message("/queue/ice-candidate-users3"))).isEmpty();
		assertThat(registry.findSubscriptions(message("/queue/ice-candidate-user"))).isEmpty();
	}

	@Test
	void unsubscribingAndEndingASessionForgetItsDestinations() {
		registry.registerSubscription(subscribe("s1", "sub-1", "/queue/a-users1"));
		registry.registerSubscription(subscribe("s1", "sub-2", "/queue/b-users1"));
		registry.registerSubscription(subscribe("s2", "sub-9", "/queue/a-users1"));

		registry.unregisterSubscription(unsubscribe("s1", "sub-1"));
		assertThat(registry.findSubscriptions(message("/queue/a-users1")).keySet()).containsExactly("s2");

		registry.unregisterAllSubscriptions("s1");
		assertThat(registry.findSubscriptions(message("/queue/b-users1"))).isEmpty();
		registry.unregisterAllSubscriptions("s2");
		assertThat(registry.destinationCount()).isZero();
	}

	@Test
	void aSnapshotHandedOutIsNotChangedByLaterSubscriptions() {
		registry.registerSubscription(subscribe("s1", "sub-1", "/queue/x"));
		var before = registry.findSubscriptions(message("/queue/x"));
		registry.registerSubscription(subscribe("s2", "sub-1", "/queue/x"));
		assertThat(before.keySet()).containsExactly("s1");
		assertThat(registry.findSubscriptions(message("/queue/x")).keySet()).containsExactlyInAnyOrder("s1", "s2");
	}

	@Test
	void aSessionMaySubscribeToOneDestinationTwice() {
		registry.registerSubscription(subscribe("s1", "sub-1", "/queue/x"));
		var one = registry.findSubscriptions(message("/queue/x"));
		registry.registerSubscription(subscribe("s1", "sub-2", "/queue/x"));
		assertThat(registry.findSubscriptions(message("/queue/x")).get("s1")).containsExactly("sub-1", "sub-2");
		assertThat(one.get("s1")).containsExactly("sub-1");

		registry.unregisterSubscription(unsubscribe("s1", "sub-1"));
		assertThat(registry.findSubscriptions(message("/queue/x")).get("s1")).containsExactly("sub-2");
		registry.unregisterSubscription(unsubscribe("s1", "sub-2"));
		assertThat(registry.destinationCount()).isZero();
	}

	private static Message<byte[]> subscribe(String session, String subscription, String destination) {
		SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.SUBSCRIBE);
		headers.setSessionId(session);
		headers.setSubscriptionId(subscription);
		headers.setDestination(destination);
		return MessageBuilder.createMessage(new byte[0], headers.getMessageHeaders());
	}

	private static Message<byte[]> unsubscribe(String session, String subscription) {
		SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.UNSUBSCRIBE);
		headers.setSessionId(session);
		headers.setSubscriptionId(subscription);
		return MessageBuilder.createMessage(new byte[0], headers.getMessageHeaders());
	}

	private static Message<byte[]> message(String destination) {
		SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
		headers.setDestination(destination);
		return MessageBuilder.createMessage(new byte[0], headers.getMessageHeaders());
	}
}
