package com.healthconnect.patient;

import static com.healthconnect.support.Schedules.booking;
import static com.healthconnect.support.Schedules.doctorWithSchedule;
import static com.healthconnect.support.Schedules.inDays;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.healthconnect.support.ApiClient;
import com.healthconnect.support.ApiClient.Response;
import com.healthconnect.support.IntegrationTest;

import tools.jackson.databind.JsonNode;

@IntegrationTest
class PatientRecordsIT {

	@LocalServerPort
	int port;

	@Test
	void onlyAConnectedDoctorReadsTheRecordAndThePatientSeesWhoDid() {
		ApiClient doctor = doctorWithSchedule(port, "Dr Reader", "Cardiology", "Europe/Berlin");
		ApiClient stranger = doctorWithSchedule(port, "Dr Stranger", "Cardiology", "Europe/Berlin");
		ApiClient patient = new ApiClient(port).registerPatient("Record Owner");
		ApiClient otherPatient = new ApiClient(port).registerPatient("Other Patient");
		String record = "/api/patients/" + patient.userId();

		assertThat(doctor.get(record).status()).as("not connected yet").isEqualTo(404);
		Response booked = patient.post("/api/appointments", booking(doctor.userId(), inDays("Europe/Berlin", 5), "09:00"));
		assertThat(booked.status()).isEqualTo(201);

		Response read = doctor.get(record);
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.json().get("name").asString()).isEqualTo("Record Owner");
		assertThat(stranger.get(record).status()).isEqualTo(404);
		assertThat(doctor.get("/api/patients/" + otherPatient.userId()).status()).isEqualTo(404);
		assertThat(doctor.get("/api/patients/not-an-id").status()).isEqualTo(404);
		assertThat(otherPatient.get(record).status()).isEqualTo(403);

		JsonNode log = patient.get("/api/patients/me/access-log").json();
		assertThat(log.get("totalElements").asLong()).isEqualTo(1);
		JsonNode entry = log.get("content").get(0);
		assertThat(entry.get("actor").get("id").asString()).isEqualTo(doctor.userId());
		assertThat(entry.get("actor").get("name").asString()).isEqualTo("Dr Reader");
		assertThat(entry.get("actor").get("role").asString()).isEqualTo("doctor");
		assertThat(entry.get("action").asString()).isEqualTo("patient-record.read");
		assertThat(entry.get("at").asString()).endsWith("Z");
		assertThat(otherPatient.get("/api/patients/me/access-log").json().get("totalElements").asLong()).isZero();
		assertThat(doctor.get("/api/patients/me/access-log").status()).isEqualTo(403);

		// visit notes are audited too
		String id = booked.json().get("id").asString();
		doctor.patch("/api/appointments/" + id + "/status", Map.of("status", "scheduled", "notes", "BP 120/80"));
		JsonNode newest = patient.get("/api/patients/me/access-log").json().get("content").get(0);
		assertThat(newest.get("action").asString()).isEqualTo("visit-notes.write");

		// cancelling ends the connection, and with it the access
		assertThat(patient.post("/api/appointments/" + id + "/cancel", Map.of()).status()).isEqualTo(200);
		assertThat(doctor.get(record).status()).isEqualTo(404);
	}

	@Test
	void aDoctorListsOnlyTheirConnectedPatients() {
		ApiClient doctor = doctorWithSchedule(port, "Dr Lists", "Pediatrics", "UTC");
		ApiClient other = doctorWithSchedule(port, "Dr Other", "Pediatrics", "UTC");
		ApiClient zoe = new ApiClient(port).registerPatient("Zoe");
		ApiClient adam = new ApiClient(port).registerPatient("Adam");
		zoe.post("/api/appointments", booking(doctor.userId(), inDays("UTC", 3), "09:00"));
		adam.post("/api/appointments", booking(doctor.userId(), inDays("UTC", 3), "09:30"));
		adam.post("/api/appointments", booking(doctor.userId(), inDays("UTC", 4), "09:30"));

		JsonNode mine = doctor.get("/api/doctors/me/patients").json();
		assertThat(mine.get("totalElements").asLong()).isEqualTo(2);
		assertThat(mine.get("content").valueStream().map(p -> p.get("name").asString()).toList())
			.containsExactly("Adam", "Zoe");
		assertThat(mine.get("content").get(0).has("bloodGroup")).isFalse();
		assertThat(other.get("/api/doctors/me/patients").json().get("totalElements").asLong()).isZero();
		assertThat(zoe.get("/api/doctors/me/patients").status()).isEqualTo(403);
		assertThat(new ApiClient(port).get("/api/patients").status()).isIn(401, 403, 404);
	}
}
