package com.healthconnect.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.healthconnect.support.ApiClient;
import com.healthconnect.support.ApiClient.Response;
import com.healthconnect.support.IntegrationTest;
import com.healthconnect.support.Multipart;
import com.healthconnect.support.RawHttp;
import com.healthconnect.support.Schedules;

import tools.jackson.databind.JsonNode;

/** Inputs that once got a 500 or a body that is not a problem detail, each now a 4xx problem detail. */
@IntegrationTest
class MalformedRequestsIT {

	@LocalServerPort
	int port;

	@Test
	void aNullEmergencyContactIs400NotA500() {
		ApiClient patient = new ApiClient(port).registerPatient("Null Contact");
		Response response = patient.put("/api/patients/me", "{\"emergencyContact\":[null]}");
		assertProblem(response, 400);
		assertThat(response.json().get("errors").get(0).get("field").asString()).startsWith("emergencyContact[0]");
	}

	@Test
	void aMultipartUploadWithoutABoundaryIs400() {
		ApiClient patient = new ApiClient(port).registerPatient("No Boundary");
		Response response = patient.send(patient.request("/api/media")
			.POST(HttpRequest.BodyPublishers.ofString("--x\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nhi\r\n--x--\r\n"))
			.header("Content-Type", "multipart/form-data")
			.header("X-XSRF-TOKEN", patient.csrf()));
		assertProblem(response, 400);
	}

	@Test
	void aTruncatedMultipartBodyIs400() {
		ApiClient patient = new ApiClient(port).registerPatient("Cut Short");
		byte[] body = ("--cut\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n"
				+ "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
		byte[] truncated = new byte[body.length + 40];
		System.arraycopy(body, 0, truncated, 0, body.length);
		System.arraycopy(Multipart.PNG, 0, truncated, body.length, 40);
		Response response = patient.send(patient.request("/api/media")
			.POST(HttpRequest.BodyPublishers.ofByteArray(truncated))
			.header("Content-Type", "multipart/form-data; boundary=cut")
			.header("X-XSRF-TOKEN", patient.csrf()));
		assertProblem(response, 400);
	}

	@Test
	void aNulInAnUploadsFileNameIsNotA500() {
		ApiClient patient = new ApiClient(port).registerPatient("Nul Name");
		Response response = new Multipart().file("file", "photo\u0000.png", "image/png", Multipart.PNG)
			.post(patient, "/api/media");
		assertThat(response.status()).as(response.body()).isLessThan(500);
		if (response.status() >= 400) {
			assertProblem(response, response.status());
		}
	}

	@Test
	void pathsTomcatRefusesAreProblemDetails() {
		for (String target : new String[] { "/api/media/..%2F..%2Fetc%2Fpasswd", "/api/media/a%5Cb", "/api/media/a%00b",
				"/api/doctors/\u00e9t\u00e9", "/api/media/a\\b" }) {
			RawHttp.Reply reply = RawHttp.get(port, new String(target.getBytes(StandardCharsets.UTF_8),
					StandardCharsets.ISO_8859_1));
			assertRawProblem(target, reply, 400);
		}
		RawHttp.Reply huge = RawHttp.get(port, "/api/doctors", "X-Padding: " + "a".repeat(9 * 1024));
		assertThat(huge.status()).isBetween(400, 499);
		assertRawProblem("9 KB header", huge, huge.status());
	}

	@Test
	void pathsTheFirewallOrTheContainerRefusesAreProblemDetails() {
		for (String target : new String[] { "/api/doctors/..;/x", "/api/%252e%252e/doctors", "/api/doctors/%0d%0aX:y",
				"/api/doctors;jsessionid=abc", "/WEB-INF/web.xml", "/api/doctors/%0a" }) {
			RawHttp.Reply reply = RawHttp.get(port, target);
			assertThat(reply.status()).as(target).isBetween(400, 499);
			assertRawProblem(target, reply, reply.status());
		}
	}

	@Test
	void errorTextsNameNoJavaTypes() {
		ApiClient anonymous = new ApiClient(port);
		Response login = anonymous.post("/api/auth/login",
				Map.of("email", "a@b.example", "password", "whatever-123", "role", "admin"));
		assertProblem(login, 400);
		assertThat(login.body()).doesNotContain("com.healthconnect", "java.", "`");

		ApiClient patient = new ApiClient(port).registerPatient("Types");
		Response wrongShape = patient.put("/api/patients/me", "{\"name\":{\"first\":\"x\"}}");
		assertProblem(wrongShape, 400);
		assertThat(wrongShape.body()).doesNotContain("com.healthconnect", "java.", "`");
	}

	@Test
	void datesMustBeIsoCalendarDates() {
		ApiClient doctor = Schedules.doctorWithSchedule(port, "Dr Dates", "Cardiology", "UTC");
		ApiClient patient = new ApiClient(port).registerPatient("Date Patient");
		Response farFuture = patient.post("/api/appointments",
				Map.of("doctorId", doctor.userId(), "date", "+99999-12-31", "startTime", "09:00"));
		assertProblem(farFuture, 400);
		assertThat(farFuture.json().get("errors").get(0).get("field").asString()).isEqualTo("date");

		for (String body : new String[] { "{\"dateOfBirth\":123}", "{\"dateOfBirth\":\"1990-02-30\"}",
				"{\"dateOfBirth\":\"1990-1-5\"}", "{\"dateOfBirth\":[1990,1,5]}" }) {
			Response response = patient.put("/api/patients/me", body);
			assertProblem(response, 400);
			assertThat(response.json().get("errors").get(0).get("field").asString()).as(body).isEqualTo("dateOfBirth");
		}
		assertThat(patient.get("/api/patients/me").json().get("dateOfBirth").isNull()).isTrue();
	}

	@Test
	void numbersAndBooleansAreNotTakenAsText() {
		ApiClient patient = new ApiClient(port).registerPatient("Coerced");
		for (String body : new String[] { "{\"name\":123}", "{\"gender\":true}", "{\"allergies\":[1.5]}" }) {
			Response response = patient.put("/api/patients/me", body);
			assertProblem(response, 400);
		}
		assertThat(patient.get("/api/patients/me").json().get("name").asString()).isEqualTo("Coerced");
	}

	@Test
	void controlBidiAndLoneSurrogateCharactersInNamesAreRefused() {
		ApiClient patient = new ApiClient(port).registerPatient("Plain Name");
		ApiClient doctor = new ApiClient(port).registerDoctor("Dr Plain", "Cardiology", "UTC");
		for (String name : new String[] { "Eve\\u0000", "Eve\\u202egnp.exe", "Eve\\ud800", "Eve\\udc00x", "A\\u2066B" }) {
			String body = "{\"name\":\"" + name + "\"}";
			Response asPatient = patient.put("/api/patients/me", body);
			assertProblem(asPatient, 400);
			assertThat(asPatient.json().get("errors").get(0).get("field").asString()).isEqualTo("name");
			assertProblem(doctor.put("/api/doctors/me", body), 400);
		}
		// other scripts, emoji (a proper surrogate pair) and accents are fine
		Response fine = patient.put("/api/patients/me", "{\"name\":\"Zo\u00eb \u0645\u0631\u064a\u0645 \\ud83d\\ude00\"}");
		assertThat(fine.status()).as(fine.body()).isEqualTo(200);
		assertThat(doctor.put("/api/doctors/me", "{\"about\":\"Line one\\nline two\\ttabbed\"}").status()).isEqualTo(200);
	}

	static void assertProblem(Response response, int status) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.header("Content-Type")).as(response.body())
			.hasValueSatisfying(type -> assertThat(type).contains("application/problem+json"));
		JsonNode json = response.json();
		assertThat(json.get("status").asInt()).isEqualTo(status);
		assertThat(json.has("title")).isTrue();
		assertThat(json.has("timestamp")).isFalse();
	}

	static void assertRawProblem(String what, RawHttp.Reply reply, int status) {
		assertThat(reply.status()).as(what + ": " + reply.body()).isEqualTo(status);
		assertThat(reply.contentType()).as(what + ": " + reply.body()).contains("application/problem+json");
		JsonNode json = ApiClient.JSON.readTree(reply.body());
		assertThat(json.get("status").asInt()).as(what).isEqualTo(status);
		assertThat(json.get("title").asString()).as(what).isNotBlank();
		assertThat(json.has("timestamp")).as(what).isFalse();
	}
}
