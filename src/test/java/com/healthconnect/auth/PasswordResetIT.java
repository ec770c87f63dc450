package com.healthconnect.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.healthconnect.support.ApiClient;
import com.healthconnect.support.ApiClient.Response;
import com.healthconnect.support.IntegrationTest;
import com.healthconnect.support.TestMail;
import com.icegreen.greenmail.junit5.GreenMailExtension;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

/** Forgot password by e-mail (GreenMail receives it), and change password. */
@IntegrationTest
class PasswordResetIT {

	@RegisterExtension
	static final GreenMailExtension smtp = TestMail.extension();

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		TestMail.register(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	MongoTemplate mongo;

	@Test
	void theMailedLinkSetsANewPasswordOnceAndEndsEverySessionBefore() throws Exception {
		ApiClient first = new ApiClient(port).registerPatient("Forgetful");
		String email = first.user().get("email").asString();
		ApiClient second = new ApiClient(port);
		assertThat(second.login(email, "correct-horse-9", "patient").status()).isEqualTo(200);

		assertThat(new ApiClient(port).post("/api/auth/password-reset", Map.of("email", email)).status())
			.isEqualTo(202);
		assertThat(smtp.waitForIncomingEmail(15_000, 1)).isTrue();
		MimeMessage mail = smtp.getReceivedMessages()[0];
		assertThat(mail.getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo(email);
		assertThat(mail.getSubject()).contains("Reset your Health-Connect password");
		String token = TestMail.resetToken(mail);

		ApiClient anyone = new ApiClient(port);
		assertThat(anyone.post("/api/auth/password-reset/confirm", Map.of("token", token, "password", "new-horse-42"))
			.status()).isEqualTo(204);

		assertThat(first.get("/api/auth/me").status()).isEqualTo(401);
		assertThat(second.get("/api/auth/me").status()).isEqualTo(401);
		assertThat(new ApiClient(port).login(email, "correct-horse-9", null).status()).isEqualTo(401);
		ApiClient again = new ApiClient(port);
		assertThat(again.login(email, "new-horse-42", null).status()).isEqualTo(200);
		assertThat(again.get("/api/auth/me").status()).isEqualTo(200);

		Response reused = anyone.post("/api/auth/password-reset/confirm",
				Map.of("token", token, "password", "other-horse-42"));
		assertThat(reused.status()).isEqualTo(400);
		assertThat(reused.json().get("errors").get(0).get("field").asString()).isEqualTo("token");
	}

	@Test
	void anUnknownEmailGetsTheSameAnswerAndNoMail() throws Exception {
		String known = new ApiClient(port).registerPatient("Known").user().get("email").asString();
		Response forKnown = new ApiClient(port).post("/api/auth/password-reset", Map.of("email", known));
		Response forUnknown = new ApiClient(port).post("/api/auth/password-reset",
				Map.of("email", ApiClient.uniqueEmail("nobody")));
		assertThat(forUnknown.status()).isEqualTo(forKnown.status()).isEqualTo(202);
		assertThat(forUnknown.body()).isEqualTo(forKnown.body());

		assertThat(smtp.waitForIncomingEmail(15_000, 1)).isTrue();
		assertThat(smtp.waitForIncomingEmail(1_000, 2)).isFalse();
		assertThat(smtp.getReceivedMessages()[0].getRecipients(Message.RecipientType.TO)[0].toString())
			.isEqualTo(known);
	}

	@Test
	void anExpiredOrMadeUpTokenIs400() {
		ApiClient patient = new ApiClient(port).registerPatient("Expired");
		String expired = "an-expired-reset-token-for-the-test";
		mongo.getCollection("password_reset_tokens")
			.insertOne(new Document("_id", sha256(expired)).append("userId", patient.userId())
				.append("role", "PATIENT").append("expiresAt", Date.from(Instant.now().minusSeconds(60))));
		ApiClient anyone = new ApiClient(port);
		assertThat(anyone.post("/api/auth/password-reset/confirm", Map.of("token", expired, "password", "new-horse-42"))
			.status()).isEqualTo(400);
		assertThat(anyone.post("/api/auth/password-reset/confirm",
				Map.of("token", "made-up", "password", "new-horse-42")).status()).isEqualTo(400);
		assertThat(patient.get("/api/auth/me").status()).isEqualTo(200);
	}

	@Test
	void changingThePasswordKeepsTheCallerAndEndsTheOtherSessions() {
		ApiClient here = new ApiClient(port).registerPatient("Changer");
		String email = here.user().get("email").asString();
		ApiClient elsewhere = new ApiClient(port);
		assertThat(elsewhere.login(email, "correct-horse-9", null).status()).isEqualTo(200);

		Response wrong = here.post("/api/auth/password",
				Map.of("currentPassword", "not-my-password", "newPassword", "new-horse-42"));
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.json().get("errors").get(0).get("field").asString()).isEqualTo("currentPassword");
		assertThat(elsewhere.get("/api/auth/me").status()).isEqualTo(200);

		assertThat(here.post("/api/auth/password",
				Map.of("currentPassword", "correct-horse-9", "newPassword", "new-horse-42")).status()).isEqualTo(204);
		assertThat(here.get("/api/auth/me").status()).isEqualTo(200);
		assertThat(elsewhere.get("/api/auth/me").status()).isEqualTo(401);
		assertThat(new ApiClient(port).login(email, "new-horse-42", null).status()).isEqualTo(200);
	}

	private static String sha256(String value) throws RuntimeException {
		try {
			return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
				.digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
