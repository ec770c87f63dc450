package com.healthconnect.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.healthconnect.support.ApiClient;
import com.healthconnect.support.IntegrationTest;
import com.healthconnect.support.PrivateCoturn;
import com.healthconnect.support.TestClock;

import tools.jackson.databind.JsonNode;

/**
 * The TURN credentials of {@code GET /api/calls/ice-servers} checked by coturn itself: a private coturn on the app's
 * {@code static-auth-secret} grants a relay allocation to the credentials the app hands out, and refuses them once
 * they have expired. The client is coturn's own {@code turnutils_uclient}.
 */
@IntegrationTest
@EnabledIf(value = "com.healthconnect.support.PrivateCoturn#installed", disabledReason = PrivateCoturn.NOT_INSTALLED)
class TurnCredentialsIT {

	static final String SECRET = "turn-credentials-it-secret";
	static final String CLIENT = "/usr/bin/turnutils_uclient";
	static final PrivateCoturn coturn = new PrivateCoturn();

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	@DynamicPropertySource
	static void turnServer(DynamicPropertyRegistry registry) throws Exception {
		coturn.start(SECRET);
		registry.add("healthconnect.turn.urls", coturn::url);
		registry.add("healthconnect.turn.secret", () -> SECRET);
		registry.add("healthconnect.turn.ttl", () -> "1h");
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@AfterAll
	static void stopCoturn() throws Exception {
		coturn.close();
	}

	@Test
	void coturnGrantsARelayToTheCredentialsTheAppHandsOut() throws Exception {
		ApiClient patient = new ApiClient(port).registerPatient("Relay Patient");
		JsonNode turn = turnEntry(patient);
		assertThat(turn.get("urls").get(0).asString()).isEqualTo(coturn.url());

		assertThat(allocate(turn.get("username").asString(), turn.get("credential").asString())).isZero();
		assertThat(coturn.allocatedFor(patient.userId())).as("coturn log:%n%s", coturn.log()).isTrue();
	}

	@Test
	void coturnRefusesTheCredentialsOnceExpiredOrSignedWithAnotherSecret() throws Exception {
		// handed out two hours ago with a one-hour lifetime (signed in then too, so the session is valid throughout)
		clock.set(clock.instant().minus(Duration.ofHours(2)));
		ApiClient patient = new ApiClient(port).registerPatient("Late Patient");
		JsonNode expired = turnEntry(patient);
		clock.reset();
		assertThat(allocate(expired.get("username").asString(), expired.get("credential").asString())).isNotZero();

		JsonNode fresh = turnEntry(patient);
		assertThat(allocate(fresh.get("username").asString(), "bm90LXRoZS1yaWdodC1jcmVkZW50aWFsPQ==")).isNotZero();
		assertThat(coturn.allocatedFor(patient.userId())).isFalse();
	}

	private JsonNode turnEntry(ApiClient user) {
		for (JsonNode server : user.get("/api/calls/ice-servers").json().get("iceServers")) {
			if (server.get("urls").get(0).asString().startsWith("turn:")) {
				return server;
			}
		}
		throw new AssertionError("no TURN entry");
	}

	/** One allocation (and a few relayed packets) with these credentials; 0 when coturn granted it. */
	private int allocate(String username, String credential) throws Exception {
		Process client = new ProcessBuilder(List.of(CLIENT, "-p", String.valueOf(coturn.port()), "-u", username, "-w",
				credential, "-y", "-n", "1", "-m", "1", "127.0.0.1"))
			.redirectErrorStream(true)
			.start();
		byte[] out = client.getInputStream().readAllBytes();
		if (!client.waitFor(20, TimeUnit.SECONDS)) {
			client.destroyForcibly();
			throw new AssertionError("turnutils_uclient did not finish: " + new String(out, StandardCharsets.UTF_8));
		}
		return client.exitValue();
	}
}
