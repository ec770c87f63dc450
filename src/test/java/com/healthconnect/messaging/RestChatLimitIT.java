package com.healthconnect.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.healthconnect.support.ApiClient;
import com.healthconnect.support.ApiClient.Response;
import com.healthconnect.support.Appointments;
import com.healthconnect.support.IntegrationTest;
import com.healthconnect.support.StompTestClient;

/**
 * Chat sent over REST draws on the same per-user budget as STOMP chat (defaults: 20 at once, 10 a second), so a
 * client cannot go around the socket limit by posting, nor double it by using both.
 */
@IntegrationTest
class RestChatLimitIT {

	private static final String ERRORS = "/user/queue/errors";
	private static final String MESSAGES = "/user/queue/messages";

	@LocalServerPort
	int port;

	@Test
	void restChatOverTheUsersBudgetIs429WithRetryAfter() {
		ApiClient doctor = new ApiClient(port).registerDoctor("Dr Posted", "Cardiology", "UTC");
		ApiClient patient = new ApiClient(port).registerPatient("Posting Patient");
		Appointments.connect(doctor, patient);
		long started = System.nanoTime();
		List<Response> replies = postAtOnce(patient, doctor, 60);
		double seconds = (System.nanoTime() - started) / 1e9;

		long accepted = replies.stream().filter(r -> r.status() == 201).count();
		List<Response> refused = replies.stream().filter(r -> r.status() == 429).toList();
		assertThat(accepted + refused.size()).isEqualTo(60);
		assertThat(refused).isNotEmpty();
		assertThat(accepted).isLessThanOrEqualTo(20 + (long) Math.ceil(10 * seconds) + 1);
		Response one = refused.get(0);
		assertThat(one.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
		assertThat(one.json().get("status").asInt()).isEqualTo(429);
		assertThat(one.header("Retry-After")).hasValueSatisfying(s -> assertThat(Integer.parseInt(s)).isPositive());
		assertThat(one.json().get("detail").asString()).contains("per user");
		// nothing refused was stored
		assertThat(doctor.get("/api/messages/" + patient.userId() + "?limit=100").json()).hasSize((int) accepted);
	}

	@Test
	void restAndStompChatShareOneBudget() {
		ApiClient doctor = new ApiClient(port).registerDoctor("Dr Both Ways", "Cardiology", "UTC");
		ApiClient patient = new ApiClient(port).registerPatient("Both Ways Patient");
		Appointments.connect(doctor, patient);
		try (StompTestClient patientTab = StompTestClient.connect(port, patient, ERRORS, MESSAGES)) {
			long started = System.nanoTime();
			// the REST burst spends the budget (20 at once), then the socket asks for more
			long restAccepted = postAtOnce(patient, doctor, 25).stream().filter(r -> r.status() == 201).count();
			for (int i = 0; i < 15; i++) {
				patientTab.send("/app/chat.send", Map.of("to", doctor.userId(), "text", "socket " + i));
			}
			// a typing signal to oneself always comes back as an error, after the frames before it
			patientTab.send("/app/typing", Map.of("to", patient.userId()));
			await().atMost(Duration.ofSeconds(10)).until(() -> patientTab.received(ERRORS).stream()
				.anyMatch(error -> error.contains("\"destination\":\"/app/typing\"")));
			double seconds = (System.nanoTime() - started) / 1e9;

			long stompRefused = patientTab.received(ERRORS).stream().map(ApiClient.JSON::readTree)
				.filter(e -> e.get("status").asInt() == 429 && "/app/chat.send".equals(e.get("destination").asString()))
				.count();
			long total = restAccepted + 15 - stompRefused;
			assertThat(stompRefused).isPositive();
			assertThat(total).isLessThanOrEqualTo(20 + (long) Math.ceil(10 * seconds) + 1);
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
					doctor.get("/api/messages/" + patient.userId() + "?limit=100").json()).hasSize((int) total));
		}
	}

	private static List<Response> postAtOnce(ApiClient sender, ApiClient receiver, int count) {
		ExecutorService pool = Executors.newFixedThreadPool(16);
		try {
			List<CompletableFuture<Response>> sent = IntStream.range(0, count)
				.mapToObj(i -> CompletableFuture.supplyAsync(
						() -> sender.post("/api/messages/" + receiver.userId(), Map.of("text", "post " + i)), pool))
				.toList();
			return sent.stream().map(CompletableFuture::join).toList();
		}
		finally {
			pool.shutdown();
		}
	}
}
