package com.healthconnect.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.healthconnect.support.ApiClient;
import com.healthconnect.support.Appointments;
import com.healthconnect.support.Schedules;
import com.healthconnect.support.IntegrationTest;
import com.healthconnect.support.StompTestClient;

import tools.jackson.databind.JsonNode;

@IntegrationTest
class PresenceIT {

	@LocalServerPort
	int port;



	@Test
	void counterpartsAreToldWhenAUsersFirstSessionOpensAndLastCloses() {
		ApiClient doctor = new ApiClient(port).registerDoctor("Dr Presence", "Neurology", "UTC");
		ApiClient patient = new ApiClient(port).registerPatient("Present Patient");
		ApiClient stranger = new ApiClient(port).registerPatient("Not Connected");
		Appointments.connect(doctor, patient);
		try (StompTestClient doctorTab = StompTestClient.connect(port, doctor, "/user/queue/presence");
				StompTestClient strangerTab = StompTestClient.connect(port, stranger, "/user/queue/presence")) {
			StompTestClient first = StompTestClient.connect(port, patient);
			JsonNode online = doctorTab.next("/user/queue/presence");
			assertThat(online.get("userId").asString()).isEqualTo(patient.userId());
			assertThat(online.get("online").asBoolean()).isTrue();
			assertThat(presence(doctor, patient.userId())).isTrue();

			// a second tab is not news; closing one of two is not either
			StompTestClient second = StompTestClient.connect(port, patient);
			first.close();
			second.awaitReady();
			assertThat(presence(doctor, patient.userId())).isTrue();

			second.close();
			JsonNode offline = doctorTab.next("/user/queue/presence");
			assertThat(offline.get("userId").asString()).isEqualTo(patient.userId());
			assertThat(offline.get("online").asBoolean()).isFalse();
			assertThat(doctorTab.queue("/user/queue/presence")).isEmpty();
			assertThat(presence(doctor, patient.userId())).isFalse();

			// someone without an appointment learns nothing, by push or by asking
			strangerTab.awaitReady();
			assertThat(strangerTab.received("/user/queue/presence")).isEmpty();
			assertThat(presence(stranger, doctor.userId())).isFalse();
			JsonNode asked = stranger.get("/api/presence?ids=" + doctor.userId() + "," + stranger.userId()).json();
			assertThat(asked.get(0).get("online").asBoolean()).isFalse();
			assertThat(asked.get(1).get("userId").asString()).isEqualTo(stranger.userId());
			assertThat(asked.get(1).get("online").asBoolean()).isTrue();
		}
	}

	@Test
	void presenceQueriesAreValidated() {
		ApiClient patient = new ApiClient(port).registerPatient("Asker");
		assertThat(patient.get("/api/presence").status()).isEqualTo(400);
		StringBuilder many = new StringBuilder();
		for (int i = 0; i < 101; i++) {
			many.append(i == 0 ? "" : ",").append(String.format("%024x", i));
		}
		assertThat(patient.get("/api/presence?ids=" + many).status()).isEqualTo(400);
		assertThat(new ApiClient(port).get("/api/presence?ids=x").status()).isEqualTo(401);
	}

	@Test
	void bookingAndAcceptingArePushedToBothParticipants() {
		ApiClient doctor = Schedules.doctorWithSchedule(port, "Dr Booked", "Neurology", "UTC");
		ApiClient patient = new ApiClient(port).registerPatient("Booking Patient");
		try (StompTestClient doctorTab = StompTestClient.connect(port, doctor, "/user/queue/appointments");
				StompTestClient patientTab = StompTestClient.connect(port, patient, "/user/queue/appointments")) {
			String date = Schedules.inDays("UTC", 3).toString();
			ApiClient.Response booked = patient.post("/api/appointments",
					Map.of("doctorId", doctor.userId(), "date", date, "startTime", "09:00", "mode", "video", "reason", "rash"));
			assertThat(booked.status()).isEqualTo(201);
			String id = booked.json().get("id").asString();

			JsonNode toDoctor = doctorTab.next("/user/queue/appointments");
			assertThat(toDoctor.get("id").asString()).isEqualTo(id);
			assertThat(toDoctor.get("status").asString()).isEqualTo("pending");
			assertThat(toDoctor.get("patient").get("name").asString()).isEqualTo("Booking Patient");
			assertThat(patientTab.next("/user/queue/appointments").get("date").asString()).isEqualTo(date);

			assertThat(doctor.patch("/api/appointments/" + id + "/status", Map.of("status", "scheduled")).status())
				.isEqualTo(200);
			assertThat(patientTab.next("/user/queue/appointments").get("status").asString()).isEqualTo("scheduled");
			assertThat(doctorTab.next("/user/queue/appointments").get("status").asString()).isEqualTo("scheduled");
		}
	}

	private boolean presence(ApiClient viewer, String userId) {
		JsonNode answer = viewer.get("/api/presence?ids=" + userId).json();
		assertThat(answer.get(0).get("userId").asString()).isEqualTo(userId);
		return answer.get(0).get("online").asBoolean();
	}
}
