package com.healthconnect.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import com.healthconnect.support.ApiClient;
import com.healthconnect.support.ApiClient.Response;
import com.healthconnect.support.TestClockConfiguration;
import com.healthconnect.support.TestcontainersConfiguration;
import com.healthconnect.support.Totp;

import tools.jackson.databind.JsonNode;

/** Two-factor sign-in: enrolment, codes from the app, recovery codes, throttling, operators made to enrol. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"healthconnect.operator.email=" + TwoFactorIT.OPERATOR_EMAIL,
		"healthconnect.operator.password=" + TwoFactorIT.OPERATOR_PASSWORD })
@ActiveProfiles("test")
@Import({ TestcontainersConfiguration.class, TestClockConfiguration.class })
class TwoFactorIT {

	static final String OPERATOR_EMAIL = "twofactor.operator@test.healthconnect.local";
	static final String OPERATOR_PASSWORD = "operator-horse-9";
	static final String PASSWORD = "correct-horse-9";

	@LocalServerPort
	int port;

	@Test
	void enrollingNeedsACodeFromTheAppAndThenSignInNeedsOneToo() {
		ApiClient patient = new ApiClient(port).registerPatient("Tom Twofactor");
		String email = patient.user().get("email").asString();
		assertThat(patient.get("/api/auth/two-factor").json().get("enabled").asBoolean()).isFalse();

		JsonNode setup = patient.post("/api/auth/two-factor/setup", Map.of()).json();
		String secret = setup.get("secret").asString();
		assertThat(setup.get("otpauthUri").asString()).startsWith("otpauth://totp/Health-Connect%3A")
			.contains("secret=" + secret, "issuer=Health-Connect");
		Response wrong = patient.post("/api/auth/two-factor/enable", Map.of("code", wrongCode(secret)));
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.json().get("errors").get(0).get("field").asString()).isEqualTo("code");
		assertThat(new ApiClient(port).login(email, PASSWORD, null).status()).isEqualTo(200);

		Response enabled = patient.post("/api/auth/two-factor/enable", Map.of("code", Totp.code(secret, Instant.now())));
		assertThat(enabled.status()).isEqualTo(200);
		assertThat(enabled.json().get("recoveryCodes")).hasSize(10);
		JsonNode status = patient.get("/api/auth/two-factor").json();
		assertThat(status.get("enabled").asBoolean()).isTrue();
		assertThat(status.get("recoveryCodesLeft").asInt()).isEqualTo(10);

		Response withoutCode = new ApiClient(port).login(email, PASSWORD, null);
		assertThat(withoutCode.status()).isEqualTo(401);
		assertThat(withoutCode.json().get("errors").get(0).get("field").asString()).isEqualTo("code");
		assertThat(withoutCode.header("Set-Cookie")).isEmpty();
		assertThat(login(email, PASSWORD, wrongCode(secret)).status()).isEqualTo(401);
		assertThat(login(email, "wrong-password", Totp.nextCode(secret)).status()).isEqualTo(401);

		String code = Totp.nextCode(secret);
		ApiClient signedIn = new ApiClient(port);
		assertThat(login(signedIn, email, PASSWORD, code).status()).isEqualTo(200);
		assertThat(signedIn.get("/api/auth/me").status()).isEqualTo(200);
		// the same code again, as an eavesdropper would replay it
		assertThat(login(email, PASSWORD, code).status()).isEqualTo(401);
	}

	@Test
	void aRecoveryCodeSignsInOnce() {
		ApiClient doctor = new ApiClient(port).registerDoctor("Dr Lost Phone", "Cardiology", "Europe/Berlin");
		String email = doctor.user().get("email").asString();
		JsonNode setup = doctor.post("/api/auth/two-factor/setup", Map.of()).json();
		JsonNode codes = doctor.post("/api/auth/two-factor/enable",
				Map.of("code", Totp.code(setup.get("secret").asString(), Instant.now()))).json().get("recoveryCodes");
		String recovery = codes.get(3).asString();

		assertThat(login(email, PASSWORD, recovery.toUpperCase()).status()).isEqualTo(200);
		assertThat(login(email, PASSWORD, recovery).status()).isEqualTo(401);
		assertThat(doctor.get("/api/auth/two-factor").json().get("recoveryCodesLeft").asInt()).isEqualTo(9);
		assertThat(login(email, PASSWORD, codes.get(4).asString()).status()).isEqualTo(200);
	}

	@Test
	void wrongCodesCountAsFailedSignInsAndPauseSignIn() {
		ApiClient patient = new ApiClient(port).registerPatient("Gus Guesser");
		String email = patient.user().get("email").asString();
		String secret = Totp.enrol(patient);

		for (int i = 0; i < 5; i++) {
			assertThat(login(email, PASSWORD, wrongCode(secret)).status()).isEqualTo(401);
		}
		Response paused = login(email, PASSWORD, Totp.nextCode(secret));
		assertThat(paused.status()).isEqualTo(429);
		assertThat(paused.header("Retry-After")).isPresent();
	}

	@Test
	void turningItOffNeedsThePassword() {
		ApiClient patient = new ApiClient(port).registerPatient("Olga Offswitch");
		String email = patient.user().get("email").asString();
		Totp.enrol(patient);

		Response wrong = patient.post("/api/auth/two-factor/disable", Map.of("password", "not-my-password"));
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.json().get("errors").get(0).get("field").asString()).isEqualTo("password");
		assertThat(patient.post("/api/auth/two-factor/disable", Map.of("password", PASSWORD)).status()).isEqualTo(204);

		assertThat(new ApiClient(port).login(email, PASSWORD, null).status()).isEqualTo(200);
	}

	@Test
	void anOperatorMustEnrolBeforeUsingTheOperatorApiAndCannotTurnItOff() {
		ApiClient operator = new ApiClient(port);
		assertThat(operator.login(OPERATOR_EMAIL, OPERATOR_PASSWORD, null).status()).isEqualTo(200);
		assertThat(operator.get("/api/auth/two-factor").json().get("required").asBoolean()).isTrue();
		Response refused = operator.get("/api/admin/audit");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.json().get("detail").asString()).contains("two-factor");

		String secret = Totp.enrol(operator);

		assertThat(operator.get("/api/admin/audit").status()).isEqualTo(200);
		assertThat(operator.post("/api/auth/two-factor/disable", Map.of("password", OPERATOR_PASSWORD)).status())
			.isEqualTo(403);
		assertThat(new ApiClient(port).login(OPERATOR_EMAIL, OPERATOR_PASSWORD, null).status()).isEqualTo(401);
		ApiClient again = new ApiClient(port);
		assertThat(login(again, OPERATOR_EMAIL, OPERATOR_PASSWORD, Totp.nextCode(secret)).status()).isEqualTo(200);
		assertThat(again.get("/api/admin/audit").status()).isEqualTo(200);
	}

	private Response login(String email, String password, String code) {
		return login(new ApiClient(port), email, password, code);
	}

	private static Response login(ApiClient client, String email, String password, String code) {
		return client.post("/api/auth/login", Map.of("email", email, "password", password, "code", code));
	}

	/** A six-digit code that is none of the three the server accepts now. */
	private static String wrongCode(String secret) {
		Instant now = Instant.now();
		java.util.Set<String> valid = java.util.Set.of(Totp.code(secret, now.minusSeconds(30)), Totp.code(secret, now),
				Totp.code(secret, now.plusSeconds(30)), Totp.code(secret, now.plusSeconds(60)));
		for (int i = 0; i < 1_000_000; i++) {
			String candidate = String.format("%06d", (i * 7919) % 1_000_000);
			if (!valid.contains(candidate)) {
				return candidate;
			}
		}
		throw new IllegalStateException();
	}
}
