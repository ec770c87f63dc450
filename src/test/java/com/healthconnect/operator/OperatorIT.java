package com.healthconnect.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.healthconnect.support.ApiClient;
import com.healthconnect.support.Totp;
import com.healthconnect.support.ApiClient.Response;
import com.healthconnect.support.IntegrationTest;
import com.healthconnect.support.TestMail;
import com.icegreen.greenmail.junit5.GreenMailExtension;

import tools.jackson.databind.JsonNode;

/** Operators vouch for doctors: pending doctors are neither listed nor bookable until verified. */
@IntegrationTest
@TestPropertySource(properties = { "healthconnect.doctors.verification-required=true",
		"healthconnect.operator.email=" + OperatorIT.OPERATOR_EMAIL,
		"healthconnect.operator.password=" + OperatorIT.OPERATOR_PASSWORD })
class OperatorIT {

	static final String OPERATOR_EMAIL = "first.operator@test.healthconnect.local";
	static final String OPERATOR_PASSWORD = "operator-horse-9";

	private static ApiClient signedInOperator;

	@RegisterExtension
	static final GreenMailExtension smtp = TestMail.extension();

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		TestMail.register(registry);
	}

	@LocalServerPort
	int port;

	@Test
	void aNewDoctorIsPendingUnlistedAndUnbookableUntilAnOperatorVerifiesThem() {
		ApiClient doctor = registerDoctor("Dr Vera Pending");
		String id = doctor.userId();
		assertThat(doctor.user().get("verification").asString()).isEqualTo("pending");
		assertThat(doctor.get("/api/auth/me").json().get("licenseNumber").asString()).isEqualTo("LIC-12345");

		ApiClient anyone = new ApiClient(port);
		assertThat(listed(anyone, "Vera Pending")).isFalse();
		assertThat(anyone.get("/api/doctors/" + id).status()).isEqualTo(404);
		assertThat(anyone.get("/api/doctors/" + id + "/slots?date=2030-01-07").status()).isEqualTo(404);

		ApiClient operator = operator();
		JsonNode pending = operator.get("/api/admin/doctors?verification=pending&size=100").json().get("content");
		JsonNode row = find(pending, id);
		assertThat(row.get("licenseNumber").asString()).isEqualTo("LIC-12345");
		assertThat(row.get("createdAt").isNull()).isFalse();

		Response verified = operator.post("/api/admin/doctors/" + id + "/verify", Map.of());
		assertThat(verified.status()).isEqualTo(200);
		assertThat(verified.json().get("verification").asString()).isEqualTo("verified");

		assertThat(listed(anyone, "Vera Pending")).isTrue();
		assertThat(anyone.get("/api/doctors/" + id).status()).isEqualTo(200);
		assertThat(doctor.get("/api/auth/me").json().get("verification").asString()).isEqualTo("verified");
	}

	@Test
	void aRejectedDoctorIsToldWhyByMail() throws Exception {
		ApiClient doctor = registerDoctor("Dr Rex Rejected");
		ApiClient operator = operator();
		Response rejected = operator.post("/api/admin/doctors/" + doctor.userId() + "/reject",
				Map.of("reason", "The licence number is not in the medical register"));
		assertThat(rejected.status()).isEqualTo(200);
		assertThat(rejected.json().get("verification").asString()).isEqualTo("rejected");
		assertThat(doctor.get("/api/auth/me").json().get("verification").asString()).isEqualTo("rejected");
		assertThat(listed(new ApiClient(port), "Rex Rejected")).isFalse();

		assertThat(smtp.waitForIncomingEmail(15_000, 1)).isTrue();
		assertThat(TestMail.body(smtp.getReceivedMessages()[0]))
			.contains("The licence number is not in the medical register");

		assertThat(operator.post("/api/admin/doctors/" + doctor.userId() + "/reject", Map.of("reason", " "))
			.status()).isEqualTo(400);
	}

	@Test
	void aDoctorIsToldOfEachDecisionInTheAppAndByExactlyOneMail() throws Exception {
		ApiClient doctor = registerDoctor("Dr Nora Notified");
		ApiClient operator = operator();
		assertThat(operator.post("/api/admin/doctors/" + doctor.userId() + "/reject",
				Map.of("reason", "The licence has expired")).status()).isEqualTo(200);
		JsonNode told = doctor.get("/api/notifications").json().get("content");
		assertThat(told).hasSize(1);
		assertThat(told.get(0).get("type").asString()).isEqualTo("doctor-rejected");
		assertThat(told.get(0).get("body").asString()).contains("The licence has expired");
		assertThat(smtp.waitForIncomingEmail(15_000, 1)).isTrue();
		assertThat(smtp.waitForIncomingEmail(2_000, 2)).as("one mail for the decision, not two").isFalse();
		assertThat(smtp.getReceivedMessages()[0].getSubject()).isEqualTo("Your Health-Connect registration was not approved");

		assertThat(operator.post("/api/admin/doctors/" + doctor.userId() + "/verify", Map.of()).status())
			.isEqualTo(200);
		told = doctor.get("/api/notifications").json().get("content");
		assertThat(told).hasSize(2);
		assertThat(told.get(0).get("type").asString()).isEqualTo("doctor-verified");
		assertThat(smtp.waitForIncomingEmail(15_000, 2)).isTrue();
		assertThat(smtp.getReceivedMessages()[1].getSubject()).isEqualTo("Your Health-Connect registration is approved");
	}

	@Test
	void onlyOperatorsMayUseTheAdminEndpoints() {
		ApiClient patient = new ApiClient(port).registerPatient("Curious Patient");
		assertThat(patient.get("/api/admin/doctors").status()).isEqualTo(403);
		assertThat(patient.get("/api/admin/audit").status()).isEqualTo(403);
		assertThat(new ApiClient(port).get("/api/admin/audit").status()).isEqualTo(401);
		assertThat(operator().get("/api/admin/audit").status()).isEqualTo(200);
		assertThat(operator().get("/api/admin/doctors?verification=bogus").status()).isEqualTo(400);
	}

	@Test
	void disablingAnAccountEndsItsSessionsAtOnceAndRefusesSignInUntilEnabled() {
		ApiClient patient = new ApiClient(port).registerPatient("Paula Disabled");
		String email = patient.user().get("email").asString();
		ApiClient operator = operator();
		JsonNode found = operator.get("/api/admin/accounts?email=" + email).json();
		assertThat(found.get("id").asString()).isEqualTo(patient.userId());
		assertThat(found.get("disabled").asBoolean()).isFalse();

		assertThat(operator.post("/api/admin/accounts/" + patient.userId() + "/disable", Map.of()).status())
			.isEqualTo(204);
		assertThat(patient.get("/api/auth/me").status()).isEqualTo(401);
		assertThat(new ApiClient(port).login(email, "correct-horse-9", null).status()).isEqualTo(403);
		assertThat(operator.get("/api/admin/accounts?email=" + email).json().get("disabled").asBoolean()).isTrue();

		assertThat(operator.post("/api/admin/accounts/" + patient.userId() + "/enable", Map.of()).status())
			.isEqualTo(204);
		assertThat(new ApiClient(port).login(email, "correct-horse-9", null).status()).isEqualTo(200);

		assertThat(operator.post("/api/admin/accounts/" + operator.userId() + "/disable", Map.of()).status())
			.isEqualTo(409);
		assertThat(operator.post("/api/admin/accounts/000000000000000000000000/disable", Map.of()).status())
			.isEqualTo(404);
		assertThat(new ApiClient(port).registerPatient("Nosy Patient")
			.post("/api/admin/accounts/" + operator.userId() + "/disable", Map.of()).status()).isEqualTo(403);
	}

	@Test
	void noOneSignsUpAsAnOperator() {
		Response response = new ApiClient(port).post("/api/auth/register", Map.of("role", "operator", "name", "Mallory",
				"email", ApiClient.uniqueEmail("mallory"), "password", "correct-horse-9"));
		assertThat(response.status()).isEqualTo(400);
	}

	private ApiClient registerDoctor(String name) {
		Map<String, Object> body = new HashMap<>(Map.of("role", "doctor", "name", name, "email",
				ApiClient.uniqueEmail(name), "password", "correct-horse-9", "specialization", "Cardiology",
				"qualification", "MD", "experience", 5, "timeZone", "UTC"));
		body.put("licenseNumber", "LIC-12345");
		return new ApiClient(port).register(body);
	}

	/** The operator, signed in with two factors (enrolled on the first sign-in, as operators must). */
	private ApiClient operator() {
		if (signedInOperator == null) {
			ApiClient operator = new ApiClient(port);
			assertThat(operator.login(OPERATOR_EMAIL, OPERATOR_PASSWORD, null).status()).isEqualTo(200);
			assertThat(operator.user().get("role").asString()).isEqualTo("operator");
			Totp.enrol(operator);
			signedInOperator = operator;
		}
		return signedInOperator;
	}

	private static boolean listed(ApiClient client, String name) {
		JsonNode content = client.get("/api/doctors?q=" + name.replace(" ", "%20")).json().get("content");
		for (JsonNode doctor : content) {
			if (doctor.get("name").asString().contains(name)) {
				return true;
			}
		}
		return false;
	}

	private static JsonNode find(JsonNode content, String id) {
		for (JsonNode row : content) {
			if (row.get("id").asString().equals(id)) {
				return row;
			}
		}
		throw new AssertionError("doctor " + id + " not in " + content);
	}
}
