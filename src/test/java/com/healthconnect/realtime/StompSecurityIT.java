package com.healthconnect.realtime;

import static com.healthconnect.support.StompTestClient.connectOf;
import static com.healthconnect.support.StompTestClient.handshakeOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.web.socket.WebSocketHttpHeaders;

import com.healthconnect.support.ApiClient;
import com.healthconnect.support.Appointments;
import com.healthconnect.support.IntegrationTest;
import com.healthconnect.support.StompTestClient;
import com.healthconnect.support.StompTestClient.Attempt;

@IntegrationTest
class StompSecurityIT {

	@LocalServerPort
	int port;



	ApiClient patient(String name) {
		return new ApiClient(port).registerPatient(name);
	}

	@Test
	void handshakeWithoutASessionCookieIsRefused() {
		ApiClient anonymous = new ApiClient(port);
		WebSocketHttpHeaders handshake = new WebSocketHttpHeaders();
		handshake.add("Cookie", "XSRF-TOKEN=" + anonymous.csrf());
		StompHeaders connect = new StompHeaders();
		connect.add("X-XSRF-TOKEN", anonymous.csrf());
		Attempt attempt = StompTestClient.attempt(port, handshake, connect, null);
		assertThat(attempt.client()).isNull();
		assertThat(attempt.failure()).hasMessageContaining("401");

		// a forged or signed-out token is no better than none
		handshake.set("Cookie", "token=eyJhbGciOiJIUzI1NiJ9.e30.x; XSRF-TOKEN=" + anonymous.csrf());
		assertThat(StompTestClient.attempt(port, handshake, connect, null).failure()).hasMessageContaining("401");
	}

	@Test
	void handshakeFromAForeignOriginIsRefused() {
		ApiClient patient = patient("Origin Patient");
		WebSocketHttpHeaders handshake = handshakeOf(patient);
		handshake.setOrigin("https://evil.example");
		Attempt attempt = StompTestClient.attempt(port, handshake, connectOf(patient), patient.userId());
		assertThat(attempt.client()).isNull();
		assertThat(attempt.failure()).hasMessageContaining("403");

		// the app's own origin is fine
		handshake.setOrigin("http://localhost:" + port);
		try (StompTestClient ok = StompTestClient.open(port, handshake, connectOf(patient), patient.userId())) {
			assertThat(ok.isConnected()).isTrue();
		}
	}

	@Test
	void connectWithoutOrWithAWrongCsrfHeaderIsRefused() {
		ApiClient patient = patient("Csrf Patient");
		Attempt missing = StompTestClient.attempt(port, handshakeOf(patient), new StompHeaders(), patient.userId());
		assertThat(missing.client()).isNull();
		assertThat(missing.errorFrames()).anySatisfy(frame -> assertThat(frame).contains("X-XSRF-TOKEN"));

		StompHeaders wrong = new StompHeaders();
		wrong.add("X-XSRF-TOKEN", "not-the-cookie-value");
		assertThat(StompTestClient.attempt(port, handshakeOf(patient), wrong, patient.userId()).client()).isNull();

		// the header alone, without the cookie in the handshake, proves nothing
		WebSocketHttpHeaders noCsrfCookie = new WebSocketHttpHeaders();
		noCsrfCookie.add("Cookie", "token=" + patient.sessionToken());
		assertThat(StompTestClient.attempt(port, noCsrfCookie, connectOf(patient), patient.userId()).client()).isNull();
	}

	@Test
	void subscribingOutsideTheOwnUserQueuesIsRefused() {
		ApiClient patient = patient("Snooper");
		ApiClient victim = patient("Victim");
		for (String destination : new String[] { "/queue/messages", "/topic/presence", "/queue/errors-user1",
				"/user/" + victim.userId() + "/queue/messages", "/app/typing", "/user/queue/../../topic/x" }) {
			try (StompTestClient tab = StompTestClient.connect(port, patient)) {
				tab.subscribe(destination);
				assertThat(poll(tab)).as(destination).contains("subscribe only to your own");
				await().atMost(Duration.ofSeconds(5)).until(() -> !tab.isConnected());
			}
		}
	}

	@Test
	void sendingOutsideTheContractsDestinationsIsRefused() {
		ApiClient patient = patient("Sender");
		for (String destination : new String[] { "/queue/messages-user1", "/user/" + patient.userId() + "/queue/x",
				"/app/unknown", "/topic/all" }) {
			try (StompTestClient tab = StompTestClient.connect(port, patient)) {
				tab.send(destination, Map.of("to", patient.userId()));
				assertThat(poll(tab)).as(destination).contains("may not send to");
				await().atMost(Duration.ofSeconds(5)).until(() -> !tab.isConnected());
			}
		}
	}

	@Test
	void signingOutClosesTheSocketsOpenedWithThatSession() {
		ApiClient patient = patient("Leaving");
		ApiClient sameUserElsewhere = new ApiClient(port);
		sameUserElsewhere.login(patient.user().get("email").asString(), "correct-horse-9", "patient");
		try (StompTestClient tab = StompTestClient.connect(port, patient);
				StompTestClient otherDevice = StompTestClient.connect(port, sameUserElsewhere)) {
			assertThat(patient.post("/api/auth/logout", Map.of()).status()).isEqualTo(204);
			await().atMost(Duration.ofSeconds(5)).until(() -> !tab.isConnected());
			// the other device signed in separately and keeps its socket
			otherDevice.awaitReady();
			assertThat(otherDevice.isConnected()).isTrue();
		}
	}

	@Test
	void anOversizedFrameIsRefusedAndTheServerCarriesOn() {
		ApiClient doctor = new ApiClient(port).registerDoctor("Dr Big", "Oncology", "UTC");
		ApiClient patient = patient("Big Sender");
		Appointments.connect(doctor, patient);
		try (StompTestClient doctorTab = StompTestClient.connect(port, doctor, "/user/queue/typing")) {
			try (StompTestClient tab = StompTestClient.connect(port, patient)) {
				boolean written;
				try {
					tab.sendRaw("/app/typing", "{\"to\":\"" + doctor.userId() + "\",\"x\":\"" + "a".repeat(70 * 1024) + "\"}");
					written = true;
				}
				catch (MessageDeliveryException ex) {
					// the server may refuse and close while the client is still writing the frame
					written = false;
				}
				if (written) {
					assertThat(poll(tab)).contains("too large");
				}
				await().atMost(Duration.ofSeconds(5)).until(() -> !tab.isConnected());
			}
			// a frame just under the limit passes (and is then refused by the handler for its unknown field)
			try (StompTestClient tab = StompTestClient.connect(port, patient)) {
				tab.sendRaw("/app/typing", "{\"to\":\"" + doctor.userId() + "\",\"x\":\"" + "a".repeat(60 * 1024) + "\"}");
				assertThat(tab.next("/user/queue/errors").get("status").asInt()).isEqualTo(400);
				tab.send("/app/typing", Map.of("to", doctor.userId()));
				assertThat(doctorTab.next("/user/queue/typing").get("from").asString()).isEqualTo(patient.userId());
				assertThat(tab.isConnected()).isTrue();
			}
		}
	}

	@Test
	void aFloodIsRefusedWithAnErrorFrame() {
		ApiClient doctor = new ApiClient(port).registerDoctor("Dr Flood", "Oncology", "UTC");
		ApiClient patient = patient("Flooder");
		Appointments.connect(doctor, patient);
		try (StompTestClient doctorTab = StompTestClient.connect(port, doctor, "/user/queue/typing");
				StompTestClient tab = StompTestClient.connect(port, patient)) {
			for (int i = 0; i < 400 && tab.isConnected(); i++) {
				try {
					tab.send("/app/typing", Map.of("to", doctor.userId()));
				}
				catch (RuntimeException closedMeanwhile) {
					break;
				}
			}
			assertThat(poll(tab)).contains("Too many frames");
			await().atMost(Duration.ofSeconds(5)).until(() -> !tab.isConnected());
			// the flood did not get through whole, and other users are unaffected
			doctorTab.awaitReady();
			assertThat(doctorTab.received("/user/queue/typing").size()).isLessThan(400);
			assertThat(doctorTab.isConnected()).isTrue();
		}
	}

	private static String poll(StompTestClient tab) {
		try {
			String frame = tab.errorFrames().poll(10, TimeUnit.SECONDS);
			assertThat(frame).as("an ERROR frame").isNotNull();
			return frame;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}
}
