package com.healthconnect.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.SecretKey;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.healthconnect.support.ApiClient.Response;
import com.healthconnect.support.ApiClient;
import com.healthconnect.support.IntegrationTest;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;

@IntegrationTest
class AuthIT {

	@LocalServerPort
	int port;

	@Value("${healthconnect.jwt.secret}")
	String secret;

	ApiClient client() {
		return new ApiClient(port);
	}

	@Test
	void patientRegistersSignsOutAndSignsInAgain() {
		ApiClient patient = client();
		String email = ApiClient.uniqueEmail("Pat");
		Response registered = patient.post("/api/auth/register",
				Map.of("role", "patient", "name", "Pat Doe", "email", email, "password", "correct-horse-9"));
		assertThat(registered.status()).isEqualTo(201);
		assertThat(registered.json().get("role").asString()).isEqualTo("patient");
		assertThat(registered.json().get("email").asString()).isEqualTo(email);

		Response me = patient.get("/api/auth/me");
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().get("id").asString()).isEqualTo(registered.json().get("id").asString());

		assertThat(patient.post("/api/auth/logout", Map.of()).status()).isEqualTo(204);
		assertThat(patient.get("/api/auth/me").status()).isEqualTo(401);

		Response login = patient.login(email.toUpperCase(), "correct-horse-9", "patient");
		assertThat(login.status()).isEqualTo(200);
		assertThat(patient.get("/api/auth/me").json().get("name").asString()).isEqualTo("Pat Doe");
	}

	@Test
	void doctorRegistersWithProfileAndDefaultTimeZone() {
		ApiClient doctor = client();
		Response registered = doctor.post("/api/auth/register",
				Map.of("role", "doctor", "name", "Dr. Who", "email", ApiClient.uniqueEmail("who"), "password",
						"correct-horse-9", "specialization", "Cardiology", "qualification", "MD", "experience", 12));
		assertThat(registered.status()).isEqualTo(201);
		assertThat(registered.json().get("role").asString()).isEqualTo("doctor");
		assertThat(registered.json().get("timeZone").asString()).isEqualTo("UTC");
		assertThat(doctor.get("/api/doctors/me").json().get("specialization").asString()).isEqualTo("Cardiology");
	}

	@Test
	void doctorRegistrationWithoutSpecializationNamesTheField() {
		Response response = client().post("/api/auth/register", Map.of("role", "doctor", "name", "Dr. No", "email",
				ApiClient.uniqueEmail("no"), "password", "correct-horse-9", "qualification", "MD", "experience", 3));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("problem+json"));
		assertThat(response.json().get("errors").toString()).contains("specialization");
	}

	@Test
	void passwordMustBeEightToSeventyTwoBytes() {
		Response shortPassword = client().post("/api/auth/register",
				Map.of("role", "patient", "name", "Short", "email", ApiClient.uniqueEmail("short"), "password", "1234567"));
		assertThat(shortPassword.status()).isEqualTo(400);
		assertThat(shortPassword.json().get("errors").get(0).get("field").asString()).isEqualTo("password");
		// 25 three-byte characters: 25 chars but 75 bytes
		Response longPassword = client().post("/api/auth/register", Map.of("role", "patient", "name", "Long",
				"email", ApiClient.uniqueEmail("long"), "password", "€".repeat(25)));
		assertThat(longPassword.status()).isEqualTo(400);
	}

	@Test
	void registrationWithUnknownRoleOrFieldIsRefused() {
		Response unknownRole = client().post("/api/auth/register",
				Map.of("role", "admin", "name", "Eve", "email", ApiClient.uniqueEmail("eve"), "password", "correct-horse-9"));
		assertThat(unknownRole.status()).isEqualTo(400);
		Response extraField = client().post("/api/auth/register", Map.of("role", "patient", "name", "Eve", "email",
				ApiClient.uniqueEmail("eve"), "password", "correct-horse-9", "id", "5f1d7f3e9c1b2a0011223344"));
		assertThat(extraField.status()).isEqualTo(400);
		assertThat(extraField.json().get("errors").get(0).get("field").asString()).isEqualTo("id");
	}

	@Test
	void duplicateEmailAcrossRolesIs409() {
		String email = ApiClient.uniqueEmail("dup");
		assertThat(client().post("/api/auth/register",
				Map.of("role", "patient", "name", "Dup", "email", email, "password", "correct-horse-9")).status())
			.isEqualTo(201);
		Response asDoctor = client().post("/api/auth/register",
				Map.of("role", "doctor", "name", "Dup", "email", email.toUpperCase(), "password", "correct-horse-9",
						"specialization", "X", "qualification", "Y", "experience", 1));
		assertThat(asDoctor.status()).isEqualTo(409);
		Response again = client().post("/api/auth/register",
				Map.of("role", "patient", "name", "Dup", "email", email, "password", "correct-horse-9"));
		assertThat(again.status()).isEqualTo(409);
	}

	@Test
	void sessionCookieIsHttpOnlyStrictAndRootPath() {
		ApiClient patient = client();
		Response registered = patient.post("/api/auth/register",
				Map.of("role", "patient", "name", "Cookie", "email", ApiClient.uniqueEmail("cookie"), "password", "correct-horse-9"));
		String setCookie = registered.headers("Set-Cookie").stream().filter(c -> c.startsWith("token=")).findFirst()
			.orElseThrow();
		assertThat(setCookie).contains("HttpOnly").contains("SameSite=Strict").contains("Path=/");
		assertThat(setCookie).doesNotContain("Secure");
		assertThat(registered.body()).doesNotContain(patient.sessionToken());
	}

	@Test
	void csrfEndpointReturnsThePlainCookieValue() {
		ApiClient anonymous = client();
		Response csrf = anonymous.get("/api/auth/csrf");
		assertThat(csrf.json().get("headerName").asString()).isEqualTo("X-XSRF-TOKEN");
		assertThat(anonymous.cookie("XSRF-TOKEN").orElseThrow().getValue()).isEqualTo(csrf.json().get("token").asString());
	}

	@Test
	void onlyTheCsrfEndpointMintsACsrfToken() {
		ApiClient anonymous = client();
		Response search = anonymous.get("/api/doctors");
		assertThat(search.headers("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("XSRF-TOKEN="));
		assertThat(anonymous.cookie("XSRF-TOKEN")).isEmpty();

		String token = anonymous.get("/api/auth/csrf").json().get("token").asString();
		assertThat(anonymous.cookie("XSRF-TOKEN").orElseThrow().getValue()).isEqualTo(token);
		// and it stays the same while the cookie is sent back
		assertThat(anonymous.get("/api/auth/csrf").json().get("token").asString()).isEqualTo(token);
	}

	@Test
	void mutatingCallsWithoutOrWithWrongCsrfHeaderAre403() {
		ApiClient anonymous = client();
		anonymous.csrf();
		String body = "{\"role\":\"patient\",\"name\":\"X\",\"email\":\"" + ApiClient.uniqueEmail("x")
				+ "\",\"password\":\"correct-horse-9\"}";
		Response missing = anonymous.send(anonymous.request("/api/auth/register")
			.POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json"));
		assertThat(missing.status()).isEqualTo(403);
		assertThat(missing.json().get("detail").asString()).contains("CSRF");
		Response wrong = anonymous.send(anonymous.request("/api/auth/login")
			.POST(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json")
			.header("X-XSRF-TOKEN", "not-the-token"));
		assertThat(wrong.status()).isEqualTo(403);
	}

	@Test
	void unknownEmailAndWrongPasswordGetTheSameAnswer() {
		String email = client().registerPatient("Same Answer").user().get("email").asString();
		String other = client().registerPatient("Other Answer").user().get("email").asString();
		Response wrongPassword = client().login(email, "wrong-password", "patient");
		Response unknownEmail = client().login(ApiClient.uniqueEmail("nobody"), "wrong-password", "patient");
		Response wrongRole = client().login(other, "correct-horse-9", "doctor");
		assertThat(wrongPassword.status()).isEqualTo(401);
		assertThat(unknownEmail.status()).isEqualTo(401);
		assertThat(wrongRole.status()).isEqualTo(401);
		assertThat(wrongPassword.json().get("detail").asString())
			.isEqualTo(unknownEmail.json().get("detail").asString())
			.isEqualTo(wrongRole.json().get("detail").asString());
	}

	@Test
	void fiveFailuresLockTheEmailWith429AndRetryAfter() {
		ApiClient patient = client().registerPatient("Throttled");
		String email = patient.user().get("email").asString();
		ApiClient attacker = client();
		for (int i = 0; i < 5; i++) {
			assertThat(attacker.login(email, "guess-" + i + "-xx", "patient").status()).isEqualTo(401);
		}
		Response locked = attacker.login(email, "correct-horse-9", "patient");
		assertThat(locked.status()).isEqualTo(429);
		assertThat(locked.header("Retry-After")).hasValueSatisfying(
				seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, Duration.ofMinutes(15).toSeconds()));
		// another e-mail is not affected
		ApiClient other = client().registerPatient("Unaffected");
		assertThat(client().login(other.user().get("email").asString(), "correct-horse-9", "patient").status())
			.isEqualTo(200);
	}

	@Test
	void theEmailDecidesTheRoleWhenNoneIsGiven() {
		ApiClient doctor = client().registerDoctor("No Radio", "Cardiology", "UTC");
		ApiClient signIn = client();
		Response response = signIn.post("/api/auth/login",
				Map.of("email", doctor.user().get("email").asString(), "password", "correct-horse-9"));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("role").asString()).isEqualTo("doctor");
	}

	@Test
	void aForwardedForHeaderIsNotTrustedByDefault() {
		String email = client().registerPatient("Spoofed").user().get("email").asString();
		for (int i = 0; i < 5; i++) {
			assertThat(loginFrom("203.0.113." + i, email, "guess-" + i + "-xx").status()).isEqualTo(401);
		}
		// every attempt came from this socket's address, whatever the header claimed
		assertThat(loginFrom("198.51.100.1", email, "correct-horse-9").status()).isEqualTo(429);
	}

	private Response loginFrom(String claimedAddress, String email, String password) {
		ApiClient client = client();
		return client.send(client.request("/api/auth/login")
			.header("Content-Type", "application/json")
			.header("X-XSRF-TOKEN", client.csrf())
			.header("X-Forwarded-For", claimedAddress)
			.POST(HttpRequest.BodyPublishers
				.ofString(ApiClient.JSON.writeValueAsString(Map.of("email", email, "password", password)))));
	}

	@Test
	void tamperedTokensAre401() {
		ApiClient patient = client().registerPatient("Tamper");
		String token = patient.sessionToken();
		String[] parts = token.split("\\.");
		String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);

		// changed payload, same signature: become a doctor
		String forgedPayload = Base64.getUrlEncoder().withoutPadding()
			.encodeToString(payload.replace("\"patient\"", "\"doctor\"").getBytes(StandardCharsets.UTF_8));
		assertRejected(parts[0] + "." + forgedPayload + "." + parts[2]);

		// alg: none
		String noneHeader = Base64.getUrlEncoder().withoutPadding()
			.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
		assertRejected(noneHeader + "." + parts[1] + ".");

		// signed with another key
		SecretKey otherKey = Keys.hmacShaKeyFor("another-secret-that-is-at-least-32-bytes!".getBytes());
		assertRejected(Jwts.builder().subject(patient.userId()).claim("role", "patient").id("x")
			.issuedAt(new Date()).expiration(Date.from(Instant.now().plusSeconds(600))).signWith(otherKey).compact());

		// expired, signed with the right key
		SecretKey key = Keys.hmacShaKeyFor(secret.getBytes(StandardCharsets.UTF_8));
		assertRejected(Jwts.builder().subject(patient.userId()).claim("role", "patient").id("y")
			.issuedAt(Date.from(Instant.now().minusSeconds(7200)))
			.expiration(Date.from(Instant.now().minusSeconds(60))).signWith(key).compact());

		// the genuine token still works
		assertThat(patient.get("/api/auth/me").status()).isEqualTo(200);
	}

	@Test
	void tokenReplayedAfterLogoutIs401() {
		ApiClient patient = client().registerPatient("Replay");
		String token = patient.sessionToken();
		assertThat(patient.post("/api/auth/logout", Map.of()).status()).isEqualTo(204);
		ApiClient replay = client();
		replay.setSessionToken(token);
		Response me = replay.get("/api/auth/me");
		assertThat(me.status()).isEqualTo(401);
		assertThat(me.json().get("detail").asString()).contains("signed out");
	}

	@Autowired
	MongoTemplate mongo;

	/** Another instance signs a token out by writing to the shared store; this one refuses it within a few syncs. */
	@Test
	void aTokenSignedOutOnAnotherInstanceIsRefusedHereToo() {
		ApiClient patient = client().registerPatient("Elsewhere");
		ApiClient legacy = client().registerPatient("Elsewhere Earlier");
		assertThat(patient.get("/api/auth/me").status()).isEqualTo(200);
		assertThat(legacy.get("/api/auth/me").status()).isEqualTo(200);

		Instant now = Instant.now();
		mongo.getCollection("revoked_tokens").insertOne(new org.bson.Document("_id", jti(patient.sessionToken()))
			.append("expiresAt", java.util.Date.from(now.plusSeconds(3600))).append("revokedAt", java.util.Date.from(now)));
		// written by a version before revokedAt existed
		mongo.getCollection("revoked_tokens").insertOne(new org.bson.Document("_id", jti(legacy.sessionToken()))
			.append("expiresAt", java.util.Date.from(now.plusSeconds(3600))));

		for (ApiClient signedOut : List.of(patient, legacy)) {
			await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
				Response me = signedOut.get("/api/auth/me");
				assertThat(me.status()).isEqualTo(401);
				assertThat(me.json().get("detail").asString()).contains("signed out");
			});
		}
	}

	private static String jti(String token) {
		String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
				java.nio.charset.StandardCharsets.UTF_8);
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"jti\"\\s*:\\s*\"([^\"]+)\"").matcher(payload);
		assertThat(m.find()).as("jti in %s", payload).isTrue();
		return m.group(1);
	}

	@Test
	void patientCallingDoctorOnlyEndpointIs403AndAnonymousIs401() {
		ApiClient patient = client().registerPatient("Role Guard");
		assertThat(patient.get("/api/doctors/me").status()).isEqualTo(403);
		assertThat(patient.put("/api/doctors/me", Map.of("about", "x")).status()).isEqualTo(403);
		ApiClient doctor = client().registerDoctor("Dr Guard", "Dermatology", "Europe/Berlin");
		assertThat(doctor.get("/api/patients/me").status()).isEqualTo(403);
		assertThat(client().get("/api/doctors/me").status()).isEqualTo(401);
		assertThat(client().get("/api/auth/me").json().get("status").asInt()).isEqualTo(401);
	}

	@Test
	void noPasswordOrHashInAnyResponse() {
		ApiClient doctor = client().registerDoctor("Dr Hash", "Neurology", "Asia/Tokyo");
		ApiClient patient = client().registerPatient("Hash Patient");
		for (Response response : new Response[] { doctor.get("/api/auth/me"), doctor.get("/api/doctors/me"),
				patient.get("/api/auth/me"), patient.get("/api/patients/me"),
				patient.login(patient.user().get("email").asString(), "correct-horse-9", "patient") }) {
			assertThat(response.body()).doesNotContain("correct-horse-9").doesNotContain("$2a$")
				.doesNotContainIgnoringCase("password");
		}
	}

	@Test
	void profileUpdatesAcceptOnlyProfileFields() {
		ApiClient patient = client().registerPatient("Profile Patient");
		Map<String, Object> update = new HashMap<>();
		update.put("bloodGroup", "AB-");
		update.put("allergies", java.util.List.of("penicillin"));
		update.put("emergencyContact", java.util.List.of(Map.of("name", "Kim", "relationship", "sister", "phone", "+49 30 1234")));
		update.put("dateOfBirth", "1990-02-03");
		Response updated = patient.put("/api/patients/me", update);
		assertThat(updated.status()).isEqualTo(200);
		assertThat(updated.json().get("bloodGroup").asString()).isEqualTo("AB-");
		assertThat(updated.json().get("dateOfBirth").asString()).isEqualTo("1990-02-03");

		for (String forbidden : new String[] { "role", "email", "password", "id" }) {
			Response refused = patient.put("/api/patients/me", Map.of(forbidden, "doctor@example.com"));
			assertThat(refused.status()).as(forbidden).isEqualTo(400);
			assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo(forbidden);
		}
		assertThat(patient.put("/api/patients/me", Map.of("bloodGroup", "C+")).status()).isEqualTo(400);
		assertThat(patient.put("/api/patients/me", Map.of("dateOfBirth", "2999-01-01")).status()).isEqualTo(400);
		assertThat(patient.put("/api/patients/me", Map.of("dateOfBirth", "not-a-date")).json().get("errors").get(0)
			.get("field").asString()).isEqualTo("dateOfBirth");
		assertThat(patient.put("/api/patients/me", Map.of("emergencyContact", java.util.Collections.nCopies(6,
				Map.of("name", "A", "phone", "1")))).status()).isEqualTo(400);
		// nothing refused was written
		Response me = patient.get("/api/patients/me");
		assertThat(me.json().get("bloodGroup").asString()).isEqualTo("AB-");
		assertThat(me.json().get("email").asString()).isEqualTo(patient.user().get("email").asString());
	}

	@Test
	void doctorProfileRejectsBadTypesAndUnknownTimeZones() {
		ApiClient doctor = client().registerDoctor("Dr Types", "Oncology", "UTC");
		Response wrongType = doctor.put("/api/doctors/me", "{\"experience\":\"ten\"}");
		assertThat(wrongType.status()).isEqualTo(400);
		assertThat(wrongType.json().get("errors").get(0).get("field").asString()).isEqualTo("experience");
		assertThat(doctor.put("/api/doctors/me", Map.of("timeZone", "Mars/Olympus")).status()).isEqualTo(400);
		assertThat(doctor.put("/api/doctors/me", Map.of("profileImage", "javascript:alert(1)")).status()).isEqualTo(400);
		assertThat(doctor.put("/api/doctors/me", "{not json").status()).isEqualTo(400);
		Response ok = doctor.put("/api/doctors/me", Map.of("timeZone", "America/New_York", "experience", 11));
		assertThat(ok.status()).isEqualTo(200);
		assertThat(ok.json().get("timeZone").asString()).isEqualTo("America/New_York");
	}

	private void assertRejected(String token) {
		ApiClient forged = client();
		forged.setSessionToken(token);
		assertThat(forged.get("/api/auth/me").status()).isEqualTo(401);
		assertThat(forged.get("/api/doctors/me").status()).isEqualTo(401);
	}
}
