package com.healthconnect.realtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.healthconnect.realtime.SendBudget;
import com.healthconnect.support.IntegrationTest;

/** The destinations clients may send to are the ones the call and messaging modules map, with their budgets. */
@IntegrationTest
class ClientDestinationsIT {

	static final List<String> SIGNALING = List.of("/app/call-user", "/app/answer-call", "/app/ice-candidate",
			"/app/reject-call", "/app/end-call", "/app/rejoin-call");
	static final List<String> CHAT = List.of("/app/typing", "/app/chat.send");

	@Autowired
	ClientDestinations destinations;

	@Test
	void theContractsDestinationsAreAllowedWithTheirBudgets() {
		SIGNALING.forEach(d -> assertThat(destinations.budget(d)).as(d).contains(SendBudget.Kind.SIGNALING));
		CHAT.forEach(d -> assertThat(destinations.budget(d)).as(d).contains(SendBudget.Kind.CHAT));
	}

	@Test
	void nothingElseIsADestination() {
		for (String other : new String[] { "/app/unknown", "/typing", "/app", "/app/", "/topic/u.x.messages",
				"/app/chat.send/", null }) {
			assertThat(destinations.allows(other)).as(String.valueOf(other)).isFalse();
			assertThat(destinations.budget(other)).isEmpty();
		}
	}
}
