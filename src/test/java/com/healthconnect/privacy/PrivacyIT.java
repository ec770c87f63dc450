package com.healthconnect.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import com.healthconnect.call.internal.CallLog;
import com.healthconnect.call.internal.CallOutcome;
import com.healthconnect.call.internal.CallRecord;
import com.healthconnect.support.ApiClient;
import com.healthconnect.support.ApiClient.Response;
import com.healthconnect.support.Appointments;
import com.healthconnect.support.TestClockConfiguration;
import com.healthconnect.support.TestcontainersConfiguration;

import tools.jackson.databind.JsonNode;

/** Export my data (GDPR art. 15/20) and delete my account (art. 17), per role. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"healthconnect.operator.email=" + PrivacyIT.OPERATOR_EMAIL,
		"healthconnect.operator.password=" + PrivacyIT.OPERATOR_PASSWORD })
@ActiveProfiles("test")
@Import({ TestcontainersConfiguration.class, TestClockConfiguration.class })
class PrivacyIT {

	static final String OPERATOR_EMAIL = "privacy.operator@test.healthconnect.local";
	static final String OPERATOR_PASSWORD = "operator-horse-9";

	@LocalServerPort
	int port;

	@Autowired
	CallLog callLog;

	@Test
	void aPatientsExportHoldsEverySectionOfTheirOwnAndNothingOfAnyoneElse() {
		ApiClient doctor = new ApiClient(port).registerDoctor("Dr Export Heart", "Cardiology", "Europe/Berlin");
		ApiClient patient = new ApiClient(port).registerPatient("Pat Exporter");
		ApiClient stranger = new ApiClient(port).registerPatient("Stranger Elsewhere");
		String appointmentId = Appointments.connect(doctor, patient);
		Appointments.connect(doctor, stranger);
		patient.put("/api/patients/me", Map.of("allergies", java.util.List.of("penicillin")));
		assertThat(patient.post("/api/messages/" + doctor.userId(), Map.of("text", "my knee hurts")).status())
			.isEqualTo(201);
		assertThat(stranger.post("/api/messages/" + doctor.userId(), Map.of("text", "stranger's secret")).status())
			.isEqualTo(201);
		assertThat(doctor.get("/api/patients/" + patient.userId()).status()).isEqualTo(200);
		assertThat(doctor.get("/api/patients/" + stranger.userId()).status()).isEqualTo(200);

		Response response = patient.get("/api/auth/me/export");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Content-Disposition").orElseThrow()).startsWith("attachment");
		JsonNode export = response.json();
		assertThat(export.get("account").get("email").asString()).isEqualTo(patient.user().get("email").asString());
		assertThat(export.get("profile").get("allergies").get(0).asString()).isEqualTo("penicillin");
		assertThat(export.get("appointments")).hasSize(1);
		assertThat(export.get("appointments").get(0).get("id").asString()).isEqualTo(appointmentId);
		assertThat(export.get("messages")).hasSize(1);
		assertThat(export.get("messages").get(0).get("text").asString()).isEqualTo("my knee hurts");
		assertThat(export.get("accessLog")).isNotEmpty();
		export.get("accessLog").forEach(line -> assertThat(line.get("subjectId").asString()).isEqualTo(patient.userId()));
		assertThat(export.get("notifications").get("items")).isNotEmpty();
		assertThat(export.get("calls").isArray()).isTrue();
		assertThat(response.body()).doesNotContain(stranger.userId(), "Stranger", "stranger's secret",
				stranger.user().get("email").asString(), doctor.user().get("email").asString());
	}

	@Test
	void theCallLogIsExportedFromEachParticipantsSideAndHoldsNobodyElsesCalls() {
		ApiClient doctor = new ApiClient(port).registerDoctor("Dr Calls Log", "Cardiology", "Europe/Berlin");
		ApiClient patient = new ApiClient(port).registerPatient("Pat Caller");
		ApiClient stranger = new ApiClient(port).registerPatient("Stranger Caller");
		Instant start = Instant.parse("2026-11-20T09:00:00Z");
		callLog.record(new CallRecord("call-visit-" + patient.userId(), doctor.userId(), patient.userId(), "video",
				start, start.plusSeconds(5), start.plusSeconds(600), CallOutcome.COMPLETED, "appointment-1"));
		callLog.record(new CallRecord("call-missed-" + stranger.userId(), stranger.userId(), doctor.userId(), "audio",
				start.plusSeconds(3600), null, start.plusSeconds(3645), CallOutcome.MISSED, null));

		JsonNode patientCalls = patient.get("/api/auth/me/export").json().get("calls");
		JsonNode doctorCalls = doctor.get("/api/auth/me/export").json().get("calls");

		assertThat(patientCalls).hasSize(1);
		JsonNode visit = patientCalls.get(0);
		assertThat(visit.get("direction").asString()).isEqualTo("incoming");
		assertThat(visit.get("peerId").asString()).isEqualTo(doctor.userId());
		assertThat(visit.get("outcome").asString()).isEqualTo("completed");
		assertThat(visit.get("appointmentId").asString()).isEqualTo("appointment-1");
		assertThat(Instant.parse(visit.get("endedAt").asString())).isEqualTo(start.plusSeconds(600));
		assertThat(doctorCalls).hasSize(2);
		assertThat(doctorCalls.get(0).get("direction").asString()).as("oldest first").isEqualTo("outgoing");
		assertThat(doctorCalls.get(1).get("direction").asString()).isEqualTo("incoming");
		assertThat(doctorCalls.get(1).get("outcome").asString()).isEqualTo("missed");
		assertThat(doctorCalls.get(1).get("answeredAt").isNull()).isTrue();
	}

	@Test
	void aDoctorsExportHoldsTheirProfileAndTheirAppointmentsOnly() {
		ApiClient doctor = new ApiClient(port).registerDoctor("Dr Own Data", "Dermatology", "Europe/Berlin");
		ApiClient otherDoctor = new ApiClient(port).registerDoctor("Dr Someone Else", "Dermatology", "Europe/Berlin");
		ApiClient patient = new ApiClient(port).registerPatient("Pat Of Own");
		ApiClient otherPatient = new ApiClient(port).registerPatient("Pat Of Someone");
		Appointments.connect(doctor, patient);
		Appointments.connect(otherDoctor, otherPatient);
		assertThat(doctor.get("/api/patients/" + patient.userId()).status()).isEqualTo(200);

		Response response = doctor.get("/api/auth/me/export");

		assertThat(response.status()).isEqualTo(200);
		JsonNode export = response.json();
		assertThat(export.get("account").get("role").asString()).isEqualTo("doctor");
		assertThat(export.get("profile").get("doctor").get("schedule")).isNotEmpty();
		assertThat(export.get("appointments")).hasSize(1);
		assertThat(export.get("appointments").get(0).get("patient").get("id").asString())
			.isEqualTo(patient.userId());
		assertThat(export.get("accessLog").get(0).get("actor").get("id").asString()).isEqualTo(doctor.userId());
		assertThat(response.body()).doesNotContain(otherDoctor.userId(), otherPatient.userId(), "Someone",
				patient.user().get("email").asString());
	}

	@Test
	void theExportNeedsASession() {
		assertThat(new ApiClient(port).get("/api/auth/me/export").status()).isEqualTo(401);
	}

	@Test
	void deletingAnAccountEndsItsSessionsRefusesSignInAndLeavesADeletedUserForTheDoctor() {
		ApiClient doctor = new ApiClient(port).registerDoctor("Dr Keeps Records", "Cardiology", "Europe/Berlin");
		ApiClient patient = new ApiClient(port).registerPatient("Pat Leaving");
		String email = patient.user().get("email").asString();
		ApiClient otherSession = new ApiClient(port);
		assertThat(otherSession.login(email, "correct-horse-9", null).status()).isEqualTo(200);
		String appointmentId = Appointments.connect(doctor, patient);
		patient.post("/api/messages/" + doctor.userId(), Map.of("text", "goodbye"));

		Response wrong = patient.delete("/api/auth/me", Map.of("password", "not-my-password"));
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.json().get("errors").get(0).get("field").asString()).isEqualTo("password");
		assertThat(patient.get("/api/auth/me").status()).isEqualTo(200);

		Response deleted = patient.delete("/api/auth/me", Map.of("password", "correct-horse-9"));

		assertThat(deleted.status()).isEqualTo(204);
		assertThat(deleted.header("Set-Cookie").orElseThrow()).contains("Max-Age=0");
		assertThat(otherSession.get("/api/auth/me").status()).isEqualTo(401);
		assertThat(new ApiClient(port).login(email, "correct-horse-9", null).status()).isEqualTo(401);

		JsonNode appointment = doctor.get("/api/appointments/" + appointmentId).json();
		assertThat(appointment.get("patient").get("name").asString()).isEqualTo("Deleted user");
		assertThat(appointment.get("status").asString()).isEqualTo("cancelled");
		assertThat(appointment.get("cancellationReason").asString()).isEqualTo("The account was deleted");
		JsonNode conversation = doctor.get("/api/messages/conversations").json().get(0);
		// the name there comes from realtime's People, cached for a minute
		assertThat(conversation.get("user").get("id").asString()).isEqualTo(patient.userId());
		assertThat(conversation.get("lastMessage").get("text").asString()).isEqualTo("goodbye");
		JsonNode audit = doctor.get("/api/auth/me/export").json().get("accessLog");
		assertThat(audit.toString()).doesNotContain("Pat Leaving");

		ApiClient again = new ApiClient(port);
		again.register(Map.of("role", "patient", "name", "Pat Returns", "email", email, "password",
				"another-horse-9"));
		assertThat(again.userId()).isNotEqualTo(patient.userId());
	}

	@Test
	void aDeletedDoctorLeavesTheDirectory() {
		ApiClient doctor = new ApiClient(port).registerDoctor("Dr Retiring Soon", "Neurology", "Europe/Berlin");
		doctor.put("/api/doctors/me/schedule", com.healthconnect.support.Schedules.everyDay());
		assertThat(new ApiClient(port).get("/api/doctors/" + doctor.userId()).status()).isEqualTo(200);

		assertThat(doctor.delete("/api/auth/me", Map.of("password", "correct-horse-9")).status()).isEqualTo(204);

		assertThat(new ApiClient(port).get("/api/doctors/" + doctor.userId()).status()).isEqualTo(404);
	}

	@Test
	void anOperatorCannotDeleteTheirAccount() {
		ApiClient operator = new ApiClient(port);
		assertThat(operator.login(OPERATOR_EMAIL, OPERATOR_PASSWORD, null).status()).isEqualTo(200);

		assertThat(operator.delete("/api/auth/me", Map.of("password", OPERATOR_PASSWORD)).status()).isEqualTo(403);
		assertThat(operator.get("/api/auth/me").status()).isEqualTo(200);
	}
}
