package com.healthconnect.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.healthconnect.support.ApiClient;
import com.healthconnect.support.IntegrationTest;

import tools.jackson.databind.JsonNode;

@IntegrationTest
class IceServersIT {

	@LocalServerPort
	int port;

	@Test
	void turnEntriesCarryTimeLimitedCredentialsForTheCaller() throws Exception {
		ApiClient patient = new ApiClient(port).registerPatient("Ice Patient");
		JsonNode config = patient.get("/api/calls/ice-servers").json();
		assertThat(config.get("ttlSeconds").asLong()).isEqualTo(3600);
		assertThat(config.has("iceTransportPolicy")).as("only with healthconnect.turn.relay-only").isFalse();
		JsonNode stun = config.get("iceServers").get(0);
		assertThat(stun.get("urls").get(0).asString()).startsWith("stun:");
		assertThat(stun.has("username")).isFalse();

		JsonNode turn = config.get("iceServers").get(1);
		assertThat(turn.get("urls").get(0).asString()).isEqualTo("turn:turn.test.healthconnect.local:3478?transport=udp");
		String username = turn.get("username").asString();
		assertThat(username).endsWith(":" + patient.userId());
		long expiry = Long.parseLong(username.substring(0, username.indexOf(':')));
		assertThat(expiry).isBetween(Instant.now().getEpochSecond() + 3500, Instant.now().getEpochSecond() + 3700);
		Mac mac = Mac.getInstance("HmacSHA1");
		mac.init(new SecretKeySpec("test-turn-static-auth-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
		assertThat(turn.get("credential").asString())
			.isEqualTo(Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8))));
	}

	@Test
	void iceServersNeedASignedInUser() {
		assertThat(new ApiClient(port).get("/api/calls/ice-servers").status()).isEqualTo(401);
		assertThat(new ApiClient(port).get("/api/calls").status()).isEqualTo(401);
	}

	@Test
	void callLogPagesAreBounded() {
		ApiClient doctor = new ApiClient(port).registerDoctor("Dr Pages", "Oncology", "UTC");
		JsonNode empty = doctor.get("/api/calls?page=0&size=5").json();
		assertThat(empty.get("totalElements").asInt()).isZero();
		assertThat(empty.get("size").asInt()).isEqualTo(5);
		assertThat(doctor.get("/api/calls?size=101").status()).isEqualTo(400);
		assertThat(doctor.get("/api/calls?page=-1").status()).isEqualTo(400);
	}
}
