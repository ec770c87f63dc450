package com.healthconnect.notification;

import static com.healthconnect.support.Schedules.booking;
import static com.healthconnect.support.Schedules.doctorWithSchedule;
import static com.healthconnect.support.Schedules.inDays;
import static com.healthconnect.support.Schedules.instant;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.healthconnect.support.ApiClient;
import com.healthconnect.support.IntegrationTest;
import com.healthconnect.support.StompTestClient;
import com.healthconnect.support.TestClock;

import tools.jackson.databind.JsonNode;

/** Every appointment change tells the other participant: stored, pushed live, read one by one or all at once. */
@IntegrationTest
class NotificationsIT {

	static final String BERLIN = "Europe/Berlin";

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	@AfterEach
	void realTime() {
		clock.reset();
	}

	@Test
	void eachChangeNotifiesTheOtherParticipantLiveAndTheListKeepsReadState() {
		ApiClient doctor = doctorWithSchedule(port, "Dr Notify", "General Practice", BERLIN);
		ApiClient patient = new ApiClient(port).registerPatient("Nora Notified", BERLIN);
		LocalDate date = inDays(BERLIN, 4);
		try (StompTestClient doctorSocket = StompTestClient.connect(port, doctor, "/user/queue/notifications");
				StompTestClient patientSocket = StompTestClient.connect(port, patient, "/user/queue/notifications")) {
			String id = patient.post("/api/appointments", booking(doctor.userId(), date, "09:00")).json().get("id")
				.asString();
			JsonNode requested = doctorSocket.next("/user/queue/notifications");
			assertThat(requested.get("type").asString()).isEqualTo("appointment-requested");
			assertThat(requested.get("appointmentId").asString()).isEqualTo(id);
			assertThat(requested.get("body").asString()).contains("Nora Notified").doesNotContain("check-up");

			doctor.patch("/api/appointments/" + id + "/status", Map.of("status", "scheduled"));
			JsonNode scheduled = patientSocket.next("/user/queue/notifications");
			assertThat(scheduled.get("type").asString()).isEqualTo("appointment-scheduled");
			assertThat(scheduled.get("body").asString()).contains("09:00").contains(BERLIN);

			clock.set(Instant.parse(instant(date, "09:00", BERLIN)));
			doctor.patch("/api/appointments/" + id + "/status", Map.of("status", "completed", "notes", "secret notes"));
			JsonNode completed = patientSocket.next("/user/queue/notifications");
			assertThat(completed.get("type").asString()).isEqualTo("appointment-completed");
			assertThat(completed.get("body").asString()).doesNotContain("secret notes");
		}
		clock.reset();
		String second = patient.post("/api/appointments", booking(doctor.userId(), date.plusDays(1), "09:00")).json()
			.get("id").asString();
		patient.post("/api/appointments/" + second + "/reschedule",
				Map.of("date", date.plusDays(2).toString(), "startTime", "09:30"));
		doctor.post("/api/appointments/" + second + "/cancel", Map.of("reason", "away"));
		String third = patient.post("/api/appointments", booking(doctor.userId(), date.plusDays(3), "09:00")).json()
			.get("id").asString();
		doctor.patch("/api/appointments/" + third + "/status", Map.of("status", "rejected"));

		// newest first; the completion was stamped by the clock moved to the visit, days ahead
		assertThat(types(patient.get("/api/notifications").json())).containsExactly("appointment-completed",
				"appointment-rejected", "appointment-cancelled", "appointment-scheduled");
		assertThat(types(doctor.get("/api/notifications").json())).containsExactly("appointment-requested",
				"appointment-rescheduled", "appointment-requested", "appointment-requested");
		JsonNode cancelled = patient.get("/api/notifications").json().get("content").get(2);
		assertThat(cancelled.get("body").asString()).contains("reason is on the appointment").doesNotContain("away");

		// read one, then all; another user's notification is a 404
		String first = patient.get("/api/notifications").json().get("content").get(0).get("id").asString();
		assertThat(doctor.post("/api/notifications/" + first + "/read", Map.of()).status()).isEqualTo(404);
		assertThat(patient.post("/api/notifications/" + first + "/read", Map.of()).status()).isEqualTo(204);
		assertThat(patient.get("/api/notifications?unread=true").json().get("totalElements").asLong()).isEqualTo(3);
		assertThat(patient.post("/api/notifications/read-all", Map.of()).status()).isEqualTo(204);
		assertThat(patient.get("/api/notifications?unread=true").json().get("totalElements").asLong()).isZero();
		assertThat(doctor.get("/api/notifications?unread=true").json().get("totalElements").asLong()).isEqualTo(4);
		assertThat(patient.post("/api/notifications/not-an-id/read", Map.of()).status()).isEqualTo(404);
		assertThat(new ApiClient(port).get("/api/notifications").status()).isEqualTo(401);
	}

	@Test
	void emailPreferenceDefaultsOnAndIsTheUsersOwn() {
		ApiClient patient = new ApiClient(port).registerPatient("Pref Erence");
		ApiClient other = new ApiClient(port).registerPatient("Other One");
		assertThat(patient.get("/api/notifications/preferences").json().get("email").asBoolean()).isTrue();
		assertThat(patient.put("/api/notifications/preferences", Map.of("email", false)).json().get("email")
			.asBoolean()).isFalse();
		assertThat(patient.get("/api/notifications/preferences").json().get("email").asBoolean()).isFalse();
		assertThat(other.get("/api/notifications/preferences").json().get("email").asBoolean()).isTrue();
		assertThat(patient.put("/api/notifications/preferences", Map.of()).status()).isEqualTo(400);
		assertThat(patient.put("/api/notifications/preferences", Map.of("email", true, "sms", true)).status())
			.isEqualTo(400);
	}

	@Test
	void aMessageToSomeoneWithNoOpenSessionLeavesANotificationWithoutItsText() {
		ApiClient doctor = new ApiClient(port).registerDoctor("Dr Away", "General Practice", BERLIN);
		ApiClient patient = new ApiClient(port).registerPatient("Mo Messenger");
		com.healthconnect.support.Appointments.connect(doctor, patient);
		assertThat(patient.post("/api/messages/" + doctor.userId(), Map.of("text", "my test results")).status())
			.isEqualTo(201);
		List<JsonNode> received = doctor.get("/api/notifications").json().get("content").valueStream()
			.filter(n -> n.get("type").asString().equals("message-received")).toList();
		assertThat(received).hasSize(1);
		assertThat(received.get(0).get("body").asString()).contains("Mo Messenger").doesNotContain("results");

		try (StompTestClient online = StompTestClient.connect(port, doctor, "/user/queue/messages")) {
			patient.post("/api/messages/" + doctor.userId(), Map.of("text", "still there?"));
			online.next("/user/queue/messages");
		}
		assertThat(doctor.get("/api/notifications").json().get("content").valueStream()
			.filter(n -> n.get("type").asString().equals("message-received"))).as("online: the chat shows it").hasSize(1);
	}

	static List<String> types(JsonNode page) {
		return page.get("content").valueStream().map(n -> n.get("type").asString()).toList();
	}
}
