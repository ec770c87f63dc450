package com.healthconnect.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import com.healthconnect.support.ApiClient;
import com.healthconnect.support.IntegrationTest;

/**
 * A crash between the e-mail reservation and the account write leaves a pending reservation; these tests write that
 * state directly, as the crash would have left it, and check that nothing is stuck: the account is completed.
 */
@IntegrationTest
class RegistrationRollForwardIT {

	private static final String PASSWORD = "correct-horse-9";

	@LocalServerPort
	int port;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	AccountService accounts;

	@Test
	void anInterruptedRegistrationSignsInWithItsPassword() {
		String email = interruptedRegistration("Ivy Interrupted");
		ApiClient patient = new ApiClient(port);
		assertThat(patient.login(email, PASSWORD, "patient").status()).isEqualTo(200);
		assertThat(patient.user().get("name").asString()).isEqualTo("Ivy Interrupted");
		assertThat(mongo.getCollection("account_emails").find(new Document("_id", email)).first())
			.doesNotContainKey("pending");
	}

	@Test
	void registeringAgainFindsTheEmailTakenAndCompletesTheFirstRegistration() {
		String email = interruptedRegistration("Ian Interrupted");
		ApiClient again = new ApiClient(port);
		assertThat(again.post("/api/auth/register", Map.of("role", "patient", "name", "Someone Else", "email", email,
				"password", "another-password-1")).status()).isEqualTo(409);
		assertThat(new ApiClient(port).login(email, PASSWORD, "patient").status()).isEqualTo(200);
	}

	@Test
	void startUpCompletesInterruptedRegistrations() {
		String email = interruptedRegistration("Ida Interrupted");
		accounts.completeInterruptedRegistrations();
		assertThat(mongo.getCollection("patients").countDocuments(new Document("email", email))).isEqualTo(1);
		// completing twice (two instances starting together) writes nothing more
		accounts.completeInterruptedRegistrations();
		assertThat(mongo.getCollection("patients").countDocuments(new Document("email", email))).isEqualTo(1);
		assertThat(new ApiClient(port).login(email, PASSWORD, "patient").status()).isEqualTo(200);
	}

	/** The reservation as {@code register} writes it, with the account never written after it. */
	private String interruptedRegistration(String name) {
		String email = ApiClient.uniqueEmail(name);
		Document profile = new Document();
		mongo.getConverter().write(new PatientRegistration(name, email, null, null, null, null, null), profile);
		mongo.getCollection("account_emails").insertOne(new Document("_id", email).append("role", "PATIENT")
			.append("accountId", new ObjectId().toHexString())
			.append("pending", new Document("profile", profile).append("passwordHash",
					new BCryptPasswordEncoder(4).encode(PASSWORD))));
		assertThat(mongo.getCollection("patients").countDocuments(new Document("email", email))).isZero();
		return email;
	}
}
