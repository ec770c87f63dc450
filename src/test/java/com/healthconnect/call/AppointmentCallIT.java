package com.healthconnect.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.healthconnect.support.ApiClient;
import com.healthconnect.support.Appointments;
import com.healthconnect.support.IntegrationTest;
import com.healthconnect.support.StompTestClient;

import tools.jackson.databind.JsonNode;

/** A call started for an appointment carries its id to the callee and into the log; a missed one is notified. */
@IntegrationTest
class AppointmentCallIT {

	@LocalServerPort
	int port;

	@Test
	void theAppointmentIdTravelsWithTheCallAndAMissedCallIsNotified() {
		ApiClient doctor = new ApiClient(port).registerDoctor("Dr Admit", "Cardiology", "Europe/Berlin");
		ApiClient patient = new ApiClient(port).registerPatient("Admitted Patient");
		String appointmentId = Appointments.connect(doctor, patient);
		try (StompTestClient doctorTab = StompTestClient.connect(port, doctor, SignalingIT.QUEUES);
				StompTestClient patientTab = StompTestClient.connect(port, patient, "/user/queue/call-made",
						"/user/queue/call-ended", "/user/queue/notifications")) {
			doctorTab.send("/app/call-user", Map.of("to", patient.userId(), "offer", SignalingIT.OFFER, "mode", "video",
					"appointmentId", appointmentId));
			JsonNode made = patientTab.next("/user/queue/call-made");
			assertThat(made.get("appointmentId").asString()).isEqualTo(appointmentId);
			doctorTab.send("/app/end-call", Map.of("to", patient.userId()));
			patientTab.next("/user/queue/call-ended");
			JsonNode missed = patientTab.next("/user/queue/notifications");
			assertThat(missed.get("type").asString()).isEqualTo("call-missed");
			assertThat(missed.get("body").asString()).contains("Dr Admit");
			assertThat(missed.get("appointmentId").asString()).isEqualTo(appointmentId);

			doctorTab.send("/app/call-user", Map.of("to", patient.userId(), "offer", SignalingIT.OFFER,
					"appointmentId", "not-an-id"));
			assertThat(doctorTab.next("/user/queue/errors").get("status").asInt()).isEqualTo(400);

			// an appointment of another pair cannot label this call: refused, nothing relayed
			ApiClient otherPatient = new ApiClient(port).registerPatient("Other Admitted Patient");
			String othersAppointment = Appointments.connect(doctor, otherPatient);
			doctorTab.send("/app/call-user", Map.of("to", patient.userId(), "offer", SignalingIT.OFFER,
					"appointmentId", othersAppointment));
			JsonNode refused = doctorTab.next("/user/queue/errors");
			assertThat(refused.get("status").asInt()).isEqualTo(403);
			assertThat(refused.get("detail").asString()).contains("not one between you");
			assertThat(patientTab.received("/user/queue/call-made")).isEmpty();
		}
		await().atMost(Duration.ofSeconds(10)).untilAsserted(
				() -> assertThat(doctor.get("/api/calls").json().get("totalElements").asInt()).isEqualTo(1));
		assertThat(doctor.get("/api/calls").json().get("content").get(0).get("appointmentId").asString())
			.isEqualTo(appointmentId);
	}
}
