package com.healthconnect.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.healthconnect.support.ApiClient;
import com.healthconnect.support.ApiClient.Response;
import com.healthconnect.support.IntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * Names and the other one-line fields shown to other users refuse line breaks, tabs and other control characters
 * (as JSON escapes or raw), with a 400 naming the field; multi-line text such as a doctor's bio keeps its lines.
 */
@IntegrationTest
class OneLineNamesIT {

	/** JSON escapes of what must not be in a name: CR, LF, CRLF, tab, NEL, the Unicode line and paragraph separators, ESC. */
	private static final List<String> BREAKS = List.of("\\r", "\\n", "\\r\\n", "\\t", "\\u0085", "\\u2028", "\\u2029",
			"\\u001b[31m");

	@LocalServerPort
	int port;

	@Test
	void profileNamesWithLineBreaksOrControlCharactersAre400NamingTheField() {
		ApiClient patient = new ApiClient(port).registerPatient("Plain Patient");
		ApiClient doctor = new ApiClient(port).registerDoctor("Dr Plain Line", "Cardiology", "UTC");
		for (String bad : BREAKS) {
			String name = "{\"name\":\"Eve" + bad + "Admin\"}";
			assertRefused(patient.put("/api/patients/me", name), "name");
			assertRefused(doctor.put("/api/doctors/me", name), "name");
			assertRefused(doctor.put("/api/doctors/me", "{\"specialization\":\"Cardiology" + bad + "x\"}"),
					"specialization");
			assertRefused(doctor.put("/api/doctors/me", "{\"qualification\":\"MD" + bad + "x\"}"), "qualification");
			assertRefused(patient.put("/api/patients/me",
					"{\"emergencyContact\":[{\"name\":\"Kin" + bad + "x\",\"phone\":\"+49 30 1234\"}]}"),
					"emergencyContact[0].name");
		}
		assertThat(patient.get("/api/patients/me").json().get("name").asString()).isEqualTo("Plain Patient");
		assertThat(doctor.get("/api/doctors/me").json().get("name").asString()).isEqualTo("Dr Plain Line");
		// a bio keeps its lines; accents, other scripts and emoji are fine in a name
		assertThat(doctor.put("/api/doctors/me", "{\"about\":\"Line one\\r\\nline two\\ttabbed\"}").status())
			.isEqualTo(200);
		assertThat(patient.put("/api/patients/me", "{\"name\":\"Zo\u00eb \u0645\u0631\u064a\u0645 \\ud83d\\ude00\"}")
			.status()).isEqualTo(200);
	}

	@Test
	void registrationNamesWithLineBreaksAre400AndNoAccountIsCreated() {
		ApiClient anonymous = new ApiClient(port);
		for (String bad : BREAKS) {
			String email = ApiClient.uniqueEmail("one line");
			Response patient = anonymous.post("/api/auth/register", Map.of("role", "patient", "name",
					"Eve" + unescape(bad) + "Admin", "email", email, "password", "correct-horse-9"));
			assertRefused(patient, "name");
			assertThat(anonymous.login(email, "correct-horse-9", null).status()).isEqualTo(401);

			Response doctor = anonymous.post("/api/auth/register", Map.of("role", "doctor", "name", "Dr Line",
					"email", ApiClient.uniqueEmail("one line doctor"), "password", "correct-horse-9", "specialization",
					"Cardiology" + unescape(bad), "qualification", "MD", "experience", 3));
			assertRefused(doctor, "specialization");
		}
	}

	private static void assertRefused(Response response, String field) {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
		JsonNode errors = response.json().get("errors");
		assertThat(errors).as(response.body()).isNotNull();
		assertThat(errors.get(0).get("field").asString()).as(response.body()).isEqualTo(field);
		assertThat(errors.get(0).get("message").asString()).as(response.body()).isNotBlank();
	}

	/** The raw characters of a JSON escape list entry, for requests the client serialises itself. */
	private static String unescape(String json) {
		return ApiClient.JSON.readTree("\"" + json + "\"").asString();
	}
}
