package com.healthconnect.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.healthconnect.support.ApiClient;
import com.healthconnect.support.ApiClient.Response;
import com.healthconnect.support.IntegrationTest;

/** A patient's time zone: given at sign-up (the UI sends the browser's), UTC by default, changed in the profile. */
@IntegrationTest
class PatientTimeZoneIT {

	@LocalServerPort
	int port;

	@Autowired
	PatientDirectory directory;

	@Test
	void theZoneGivenAtSignUpIsStoredAndShownInTheUserJson() {
		ApiClient patient = new ApiClient(port).register(Map.of("role", "patient", "name", "Tokyo Patient", "email",
				ApiClient.uniqueEmail("tokyo"), "password", "correct-horse-9", "timeZone", "Asia/Tokyo"));

		assertThat(patient.user().get("timeZone").asString()).isEqualTo("Asia/Tokyo");
		assertThat(patient.get("/api/patients/me").json().get("timeZone").asString()).isEqualTo("Asia/Tokyo");
		assertThat(directory.timeZone(patient.userId())).hasToString("Asia/Tokyo");
	}

	@Test
	void aPatientWithoutAZoneReadsUtcAndMayChangeItInTheProfile() {
		ApiClient patient = new ApiClient(port).registerPatient("Zone Changer");
		assertThat(patient.get("/api/patients/me").json().get("timeZone").asString()).isEqualTo("UTC");

		Response updated = patient.put("/api/patients/me", Map.of("timeZone", "America/New_York"));

		assertThat(updated.status()).isEqualTo(200);
		assertThat(updated.json().get("timeZone").asString()).isEqualTo("America/New_York");
		assertThat(patient.get("/api/auth/me").json().get("timeZone").asString()).isEqualTo("America/New_York");
		assertThat(directory.timeZone(patient.userId())).hasToString("America/New_York");
	}

	@Test
	void anUnknownOrFixedOffsetZoneIsA400NamingTheField() {
		ApiClient patient = new ApiClient(port).registerPatient("Bad Zone");

		Response offset = patient.put("/api/patients/me", Map.of("timeZone", "+02:00"));
		Response unknown = patient.put("/api/patients/me", Map.of("timeZone", "Mars/Olympus"));

		assertThat(offset.status()).isEqualTo(400);
		assertThat(offset.body()).contains("timeZone");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(patient.get("/api/patients/me").json().get("timeZone").asString()).isEqualTo("UTC");
	}
}
