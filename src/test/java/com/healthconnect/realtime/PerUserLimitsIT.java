package com.healthconnect.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.healthconnect.support.ApiClient;
import com.healthconnect.support.Appointments;
import com.healthconnect.support.IntegrationTest;
import com.healthconnect.support.StompTestClient;
import com.healthconnect.support.StompTestClient.Attempt;

import tools.jackson.databind.JsonNode;

/**
 * Limits over all of one user's connections together (defaults: 10 sessions; chat 20 at once and 10 a second;
 * signaling 200 at once and 100 a second), so that opening more sockets buys no more.
 */
@IntegrationTest
class PerUserLimitsIT {

	private static final String ERRORS = "/user/queue/errors";

	@LocalServerPort
	int port;

	@Test
	void aUsersEleventhSessionIsRefusedAndTheOpenOnesKeepWorking() {
		ApiClient patient = new ApiClient(port).registerPatient("Many Tabs");
		ApiClient other = new ApiClient(port).registerPatient("Other User");
		List<StompTestClient> tabs = new ArrayList<>();
		try {
			for (int i = 0; i < 10; i++) {
				tabs.add(StompTestClient.connect(port, patient));
			}
			Attempt eleventh = StompTestClient.attempt(port, patient);
			assertThat(eleventh.client()).isNull();
			assertThat(eleventh.failure()).hasMessageContaining("429");

			// the ten open ones are untouched, and another user is not counted against this one
			tabs.forEach(StompTestClient::awaitReady);
			assertThat(tabs).allMatch(StompTestClient::isConnected);
			try (StompTestClient otherTab = StompTestClient.connect(port, other)) {
				assertThat(otherTab.isConnected()).isTrue();
			}

			// closing one frees its place
			tabs.remove(0).close();
			await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
				Attempt again = StompTestClient.attempt(port, patient);
				assertThat(again.client()).isNotNull();
				tabs.add(again.client());
			});
		}
		finally {
			tabs.forEach(StompTestClient::close);
		}
	}

	@Test
	void chatOverManyConnectionsIsLimitedPerUser() {
		ApiClient doctor = new ApiClient(port).registerDoctor("Dr Chatty", "Cardiology", "UTC");
		ApiClient patient = new ApiClient(port).registerPatient("Chatty Patient");
		Appointments.connect(doctor, patient);
		List<StompTestClient> tabs = new ArrayList<>();
		try (StompTestClient doctorTab = StompTestClient.connect(port, doctor, "/user/queue/messages")) {
			for (int i = 0; i < 5; i++) {
				tabs.add(StompTestClient.connect(port, patient, ERRORS));
			}
			long started = System.nanoTime();
			for (int round = 0; round < 12; round++) {
				for (StompTestClient tab : tabs) {
					tab.send("/app/chat.send", Map.of("to", doctor.userId(), "text", "message " + round));
				}
			}
			tabs.forEach(tab -> drain(tab, patient));
			double seconds = (System.nanoTime() - started) / 1e9;

			long refused = tabs.stream()
				.flatMap(tab -> tab.received(ERRORS).stream())
				.map(ApiClient.JSON::readTree)
				.filter(error -> error.get("status").asInt() == 429
						&& "/app/chat.send".equals(error.get("destination").asString()))
				.count();
			long accepted = 60 - refused;
			// 60 sent at once over five sockets; one user's bucket lets 20 through, plus what refills meanwhile
			assertThat(refused).isPositive();
			assertThat(accepted).isLessThanOrEqualTo(20 + (long) Math.ceil(10 * seconds) + 1);
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(doctorTab.received("/user/queue/messages")).hasSize((int) accepted));
			assertThat(tabs).allMatch(StompTestClient::isConnected);
			JsonNode anyRefusal = tabs.stream().flatMap(tab -> tab.received(ERRORS).stream()).map(ApiClient.JSON::readTree)
				.filter(error -> error.get("status").asInt() == 429).findFirst().orElseThrow();
			assertThat(anyRefusal.get("detail").asString()).contains("per user");
		}
		finally {
			tabs.forEach(StompTestClient::close);
		}
	}

	@Test
	void signalingOverManyConnectionsIsLimitedPerUser() {
		ApiClient doctor = new ApiClient(port).registerDoctor("Dr Signals", "Cardiology", "UTC");
		ApiClient patient = new ApiClient(port).registerPatient("Signal Patient");
		Appointments.connect(doctor, patient);
		List<StompTestClient> tabs = new ArrayList<>();
		try (StompTestClient doctorTab = StompTestClient.connect(port, doctor, "/user/queue/ice-candidate")) {
			for (int i = 0; i < 4; i++) {
				tabs.add(StompTestClient.connect(port, patient, ERRORS));
			}
			// 4 x 80 candidates: each socket stays within its own 100-frame burst, the user goes over 200
			for (int round = 0; round < 80; round++) {
				for (StompTestClient tab : tabs) {
					tab.sendRaw("/app/ice-candidate", "{\"to\":\"" + doctor.userId()
							+ "\",\"candidate\":{\"candidate\":\"candidate:1 1 udp 1 10.0.0.1 9 typ host\",\"n\":" + round + "}}");
				}
			}
			tabs.forEach(tab -> drain(tab, patient));
			long refused = tabs.stream()
				.flatMap(tab -> tab.received(ERRORS).stream())
				.map(ApiClient.JSON::readTree)
				.filter(error -> error.get("status").asInt() == 429
						&& "/app/ice-candidate".equals(error.get("destination").asString()))
				.count();
			assertThat(refused).isPositive();
			assertThat(tabs).allMatch(StompTestClient::isConnected);
		}
		finally {
			tabs.forEach(StompTestClient::close);
		}
	}

	/**
	 * Waits until the server has handled everything the tab sent: a typing signal to oneself always comes back as an
	 * error (refused as typing to oneself, or as over the rate), after all earlier frames of the tab.
	 */
	private static void drain(StompTestClient tab, ApiClient user) {
		tab.send("/app/typing", Map.of("to", user.userId()));
		await().atMost(Duration.ofSeconds(10)).until(() -> tab.received(ERRORS).stream()
			.anyMatch(error -> error.contains("\"destination\":\"/app/typing\"")));
	}
}
