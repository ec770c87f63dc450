package com.healthconnect.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import com.healthconnect.support.ApiClient;
import com.healthconnect.support.ApiClient.Response;
import com.healthconnect.support.IntegrationTest;

/**
 * Throttling by client address. Behind a trusted proxy (here: loopback, with {@code native} forward headers) the
 * address is the one in {@code X-Forwarded-For}, which lets one test play several clients.
 */
@IntegrationTest
@TestPropertySource(properties = { "server.forward-headers-strategy=native",
		"healthconnect.throttle.login-attempts-per-address=10", "healthconnect.throttle.login-address-window=1h",
		"healthconnect.throttle.sign-ups-per-address=3", "healthconnect.throttle.password-resets-per-address=2" })
class ThrottleIT {

	@LocalServerPort
	int port;

	@Test
	void fiveWrongPasswordsFromOneAddressDoNotStopTheRightPasswordFromAnother() {
		String email = new ApiClient(port).registerPatient("Victim").user().get("email").asString();
		for (int i = 0; i < 5; i++) {
			assertThat(login("203.0.113.7", email, "guess-" + i + "-xx").status()).isEqualTo(401);
		}
		Response paused = login("203.0.113.7", email, "correct-horse-9");
		assertThat(paused.status()).isEqualTo(429);
		assertThat(paused.header("Retry-After")).hasValueSatisfying(s -> assertThat(Long.parseLong(s)).isPositive());

		assertThat(login("198.51.100.9", email, "correct-horse-9").status()).isEqualTo(200);
	}

	@Test
	void the401SaysHowManyAttemptsRemain() {
		String email = new ApiClient(port).registerPatient("Counted").user().get("email").asString();
		assertThat(login("203.0.113.20", email, "wrong-password-1").json().get("detail").asString())
			.contains("4 attempts left");
		assertThat(login("203.0.113.20", email, "wrong-password-2").json().get("detail").asString())
			.contains("3 attempts left");
		// a success starts the count afresh
		assertThat(login("203.0.113.20", email, "correct-horse-9").status()).isEqualTo(200);
		assertThat(login("203.0.113.20", email, "wrong-password-3").json().get("detail").asString())
			.contains("4 attempts left");
	}

	@Test
	void oneAddressCannotTryMorePasswordsThanItsLimitAcrossDifferentEmails() {
		for (int i = 0; i < 10; i++) {
			assertThat(login("203.0.113.50", ApiClient.uniqueEmail("target"), "wrong-password").status())
				.isEqualTo(401);
		}
		Response refused = login("203.0.113.50", ApiClient.uniqueEmail("target"), "wrong-password");
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.header("Retry-After")).isPresent();
		// another address is not affected
		assertThat(login("203.0.113.51", ApiClient.uniqueEmail("target"), "wrong-password").status()).isEqualTo(401);
	}

	@Test
	void signUpsAreThrottledPerAddress() {
		for (int i = 0; i < 3; i++) {
			assertThat(signUp("203.0.113.80").status()).isEqualTo(201);
		}
		assertThat(signUp("203.0.113.80").status()).isEqualTo(429);
		assertThat(signUp("203.0.113.81").status()).isEqualTo(201);
	}

	@Test
	void passwordResetRequestsAreThrottledPerAddress() {
		assertThat(reset("203.0.113.90").status()).isEqualTo(202);
		assertThat(reset("203.0.113.90").status()).isEqualTo(202);
		Response refused = reset("203.0.113.90");
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.header("Retry-After")).isPresent();
		assertThat(reset("203.0.113.91").status()).isEqualTo(202);
	}

	private Response reset(String address) {
		ApiClient client = new ApiClient(port);
		return client.send(client.request("/api/auth/password-reset")
			.header("Content-Type", "application/json")
			.header("X-XSRF-TOKEN", client.csrf())
			.header("X-Forwarded-For", address)
			.POST(json(Map.of("email", ApiClient.uniqueEmail("reset")))));
	}

	private Response login(String address, String email, String password) {
		ApiClient client = new ApiClient(port);
		return client.send(client.request("/api/auth/login")
			.header("Content-Type", "application/json")
			.header("X-XSRF-TOKEN", client.csrf())
			.header("X-Forwarded-For", address)
			.POST(json(Map.of("email", email, "password", password))));
	}

	private Response signUp(String address) {
		ApiClient client = new ApiClient(port);
		return client.send(client.request("/api/auth/register")
			.header("Content-Type", "application/json")
			.header("X-XSRF-TOKEN", client.csrf())
			.header("X-Forwarded-For", address)
			.POST(json(Map.of("role", "patient", "name", "New Patient", "email", ApiClient.uniqueEmail("new"),
					"password", "correct-horse-9"))));
	}

	private static java.net.http.HttpRequest.BodyPublisher json(Object body) {
		return java.net.http.HttpRequest.BodyPublishers.ofString(ApiClient.JSON.writeValueAsString(body));
	}
}
