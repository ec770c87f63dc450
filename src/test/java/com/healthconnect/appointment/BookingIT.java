package com.healthconnect.appointment;

import static com.healthconnect.support.Schedules.booking;
import static com.healthconnect.support.Schedules.doctorWithSchedule;
import static com.healthconnect.support.Schedules.inDays;
import static com.healthconnect.support.Schedules.instant;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.healthconnect.support.ApiClient;
import com.healthconnect.support.ApiClient.Response;
import com.healthconnect.support.IntegrationTest;
import com.healthconnect.support.TestClock;

import tools.jackson.databind.JsonNode;

@IntegrationTest
class BookingIT {

	static final String NEW_YORK = "America/New_York";
	static final String BERLIN = "Europe/Berlin";

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	@AfterEach
	void realTime() {
		clock.reset();
	}

	ApiClient patient(String name) {
		return new ApiClient(port).registerPatient(name);
	}

	ApiClient doctor(String zone) {
		return doctorWithSchedule(port, "Dr Booking", "General Practice", zone);
	}

	@Test
	void patientBooksAPendingAppointmentCarryingBothTimeForms() {
		ApiClient doctor = doctor(NEW_YORK);
		ApiClient patient = patient("Ada Booker");
		LocalDate date = inDays(NEW_YORK, 10);
		Response booked = patient.post("/api/appointments", booking(doctor.userId(), date, "09:30"));
		assertThat(booked.status()).isEqualTo(201);
		JsonNode a = booked.json();
		assertThat(a.get("status").asString()).isEqualTo("pending");
		assertThat(a.get("date").asString()).isEqualTo(date.toString());
		assertThat(a.get("startTime").asString()).isEqualTo("09:30");
		assertThat(a.get("endTime").asString()).isEqualTo("10:00");
		assertThat(a.get("timeZone").asString()).isEqualTo(NEW_YORK);
		assertThat(a.get("startsAt").asString()).isEqualTo(instant(date, "09:30", NEW_YORK));
		assertThat(a.get("endsAt").asString()).isEqualTo(instant(date, "10:00", NEW_YORK));
		assertThat(a.get("mode").asString()).isEqualTo("video");
		assertThat(a.get("doctor").get("name").asString()).isEqualTo("Dr Booking");
		assertThat(a.get("doctor").get("specialization").asString()).isEqualTo("General Practice");
		assertThat(a.get("patient").get("name").asString()).isEqualTo("Ada Booker");
		assertThat(a.get("patient").has("email")).isFalse();
		assertThat(a.has("slotHold")).isFalse();
		assertThat(a.has("createdAt")).isTrue();

		// the doctor sees the same appointment and the same instant; the slot is no longer available to anyone
		Response mine = doctor.get("/api/appointments/" + a.get("id").asString());
		assertThat(mine.json().get("startsAt").asString()).isEqualTo(a.get("startsAt").asString());
		JsonNode slots = new ApiClient(port).get("/api/doctors/" + doctor.userId() + "/slots?date=" + date).json();
		assertThat(slots).hasSize(3);
		assertThat(slots.get(0).get("available").asBoolean()).isTrue();
		assertThat(slots.get(1).get("startsAt").asString()).isEqualTo(a.get("startsAt").asString());
		assertThat(slots.get(1).get("available").asBoolean()).isFalse();
		assertThat(slots.get(2).get("available").asBoolean()).as("switched off").isFalse();
	}

	@Test
	void fiftyConcurrentBookingsOfOneSlotExactlyOneWinsAndCancellingFreesIt() throws Exception {
		ApiClient doctor = doctor(BERLIN);
		LocalDate date = inDays(BERLIN, 12);
		List<ApiClient> patients = IntStream.range(0, 50).mapToObj(i -> patient("Racer " + i)).toList();
		patients.forEach(ApiClient::csrf);
		ExecutorService pool = Executors.newFixedThreadPool(50);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Response>> results = new ArrayList<>();
		for (ApiClient p : patients) {
			results.add(pool.submit(() -> {
				start.await();
				return p.post("/api/appointments", booking(doctor.userId(), date, "09:00"));
			}));
		}
		start.countDown();
		List<Response> responses = new ArrayList<>();
		for (Future<Response> f : results) {
			responses.add(f.get());
		}
		pool.shutdown();
		assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
		assertThat(responses).filteredOn(r -> r.status() == 409).hasSize(49);
		assertThat(doctor.get("/api/appointments?size=100").json().get("totalElements").asLong()).isEqualTo(1);

		Response winner = responses.stream().filter(r -> r.status() == 201).findFirst().orElseThrow();
		ApiClient winnerClient = patients.get(responses.indexOf(winner));
		String id = winner.json().get("id").asString();
		Response cancelled = winnerClient.post("/api/appointments/" + id + "/cancel", Map.of("reason", "changed plans"));
		assertThat(cancelled.status()).isEqualTo(200);
		assertThat(cancelled.json().get("status").asString()).isEqualTo("cancelled");
		assertThat(cancelled.json().get("cancellationReason").asString()).isEqualTo("changed plans");
		assertThat(cancelled.json().get("cancelledBy").asString()).isEqualTo("patient");

		Response again = patients.get(7).post("/api/appointments", booking(doctor.userId(), date, "09:00"));
		assertThat(again.status()).isEqualTo(201);
		assertThat(patients.get(8).post("/api/appointments", booking(doctor.userId(), date, "09:00")).status())
			.isEqualTo(409);
	}

	@Test
	void aPatientCannotHoldTwoAppointmentsAtTheSameInstant() {
		ApiClient first = doctor(BERLIN);
		ApiClient second = doctor(BERLIN);
		ApiClient patient = patient("Double Booker");
		LocalDate date = inDays(BERLIN, 9);
		assertThat(patient.post("/api/appointments", booking(first.userId(), date, "09:00")).status()).isEqualTo(201);
		Response clash = patient.post("/api/appointments", booking(second.userId(), date, "09:00"));
		assertThat(clash.status()).isEqualTo(409);
		assertThat(clash.json().get("detail").asString()).contains("already have an appointment");
		assertThat(patient.post("/api/appointments", booking(second.userId(), date, "09:30")).status()).isEqualTo(201);
	}

	@Test
	void slotsTheScheduleDoesNotOfferAreRefusedWith400() {
		ApiClient doctor = doctor(BERLIN);
		ApiClient patient = patient("Bad Slot");
		LocalDate date = inDays(BERLIN, 5);
		assertField(patient.post("/api/appointments", booking(doctor.userId(), date, "11:00")), 400, "startTime");
		Response off = patient.post("/api/appointments", booking(doctor.userId(), date, "10:00"));
		assertField(off, 400, "startTime");
		assertThat(off.json().get("detail").asString()).contains("switched off");
		Response begun = patient.post("/api/appointments", booking(doctor.userId(), inDays(BERLIN, -1), "09:00"));
		assertField(begun, 400, "startTime");
		assertThat(begun.json().get("detail").asString()).contains("begun");
		assertField(patient.post("/api/appointments", booking("5f1d7f3e9c1b2a0011223344", date, "09:00")), 400,
				"doctorId");
		assertField(patient.post("/api/appointments", booking("not-an-id", date, "09:00")), 400, "doctorId");
		assertThat(patient.get("/api/appointments").json().get("totalElements").asLong()).isZero();
	}

	@Test
	void malformedBookingsAreProblemDetailsNamingTheField() {
		ApiClient doctor = doctor(BERLIN);
		ApiClient patient = patient("Malformed");
		String date = inDays(BERLIN, 5).toString();
		Map<String, Object> unknownField = new HashMap<>(booking(doctor.userId(), LocalDate.parse(date), "09:00"));
		unknownField.put("status", "scheduled");
		assertField(patient.post("/api/appointments", unknownField), 400, "status");
		assertField(patient.post("/api/appointments", "{\"doctorId\":\"" + doctor.userId() + "\",\"date\":\"2026-13-45\",\"startTime\":\"09:00\"}"),
				400, "date");
		assertField(patient.post("/api/appointments", "{\"doctorId\":\"" + doctor.userId() + "\",\"date\":\"" + date
				+ "\",\"startTime\":\"9am\"}"), 400, "startTime");
		assertField(patient.post("/api/appointments", "{\"doctorId\":\"" + doctor.userId() + "\",\"date\":\"" + date
				+ "\",\"startTime\":\"09:00\",\"mode\":\"phone\"}"), 400, "mode");
		assertField(patient.post("/api/appointments", "{\"doctorId\":\"" + doctor.userId() + "\",\"date\":\"" + date
				+ "\",\"startTime\":\"09:00\",\"mode\":5}"), 400, "mode");
		assertThat(patient.post("/api/appointments", "{not json").status()).isEqualTo(400);
		assertThat(patient.post("/api/appointments", "[]").status()).isEqualTo(400);
		// a doctor does not book
		assertThat(doctor.post("/api/appointments", booking(doctor.userId(), LocalDate.parse(date), "09:00")).status())
			.isEqualTo(403);
		assertThat(patient.get("/api/appointments?status=bogus").status()).isEqualTo(400);
		assertThat(patient.get("/api/appointments?from=yesterday").status()).isEqualTo(400);
		assertThat(patient.get("/api/appointments?size=101").status()).isEqualTo(400);
		assertThat(patient.get("/api/appointments?page=x").status()).isEqualTo(400);
		assertThat(patient.get("/api/appointments/not-an-id").status()).isEqualTo(404);
		assertThat(patient.get("/api/appointments/5f1d7f3e9c1b2a0011223344").status()).isEqualTo(404);
	}

	@Test
	void statusMachineThroughTheApi() {
		ApiClient doctor = doctor(BERLIN);
		ApiClient patient = patient("Machine");
		String id = book(patient, doctor, inDays(BERLIN, 6), "09:00");
		String path = "/api/appointments/" + id + "/status";

		assertConflict(patient.patch(path, Map.of("status", "scheduled")), "doctor");
		assertThat(patient.patch(path, Map.of("status", "completed", "notes", "I am fine")).status()).isEqualTo(403);
		assertConflict(doctor.patch(path, Map.of("status", "completed")), "Only a scheduled appointment");
		assertConflict(doctor.patch(path, Map.of("status", "pending")), "pending");
		assertField(doctor.patch(path, Map.of("status", "bogus")), 400, "status");
		assertField(doctor.patch(path, Map.of("comment", "no status")), 400, "status");

		Response accepted = doctor.patch(path, Map.of("status", "scheduled", "comment", "see you"));
		assertThat(accepted.status()).isEqualTo(200);
		assertThat(accepted.json().get("status").asString()).isEqualTo("scheduled");
		assertThat(accepted.json().get("comment").asString()).isEqualTo("see you");
		assertConflict(doctor.patch(path, Map.of("status", "rejected")), "Only a pending appointment");

		assertConflict(doctor.patch(path, Map.of("status", "completed", "notes", "Too early")), "only once it has begun");
		clock.set(Instant.parse(accepted.json().get("startsAt").asString()));
		Response completed = doctor.patch(path, Map.of("status", "completed", "notes", "Rest and fluids"));
		clock.reset();
		assertThat(completed.status()).isEqualTo(200);
		assertThat(completed.json().get("status").asString()).isEqualTo("completed");
		assertThat(completed.json().get("notes").asString()).isEqualTo("Rest and fluids");
		assertConflict(patient.post("/api/appointments/" + id + "/cancel", Map.of()), "this one is completed");
		assertConflict(patient.post("/api/appointments/" + id + "/reschedule",
				Map.of("date", inDays(BERLIN, 7).toString(), "startTime", "09:00")), "this one is completed");

		// pending → rejected frees the slot; a rejected appointment cannot be accepted
		String second = book(patient, doctor, inDays(BERLIN, 6), "09:30");
		assertThat(doctor.patch("/api/appointments/" + second + "/status", Map.of("status", "rejected")).json()
			.get("status").asString()).isEqualTo("rejected");
		assertConflict(doctor.patch("/api/appointments/" + second + "/status", Map.of("status", "scheduled")),
				"this one is rejected");
		assertThat(patient.post("/api/appointments", booking(doctor.userId(), inDays(BERLIN, 6), "09:30")).status())
			.isEqualTo(201);

		// a doctor may cancel too, with no body at all
		String third = book(patient, doctor, inDays(BERLIN, 8), "09:00");
		Response cancelled = doctor.send(doctor.request("/api/appointments/" + third + "/cancel")
			.POST(java.net.http.HttpRequest.BodyPublishers.noBody()).header("X-XSRF-TOKEN", doctor.csrf()));
		assertThat(cancelled.status()).isEqualTo(200);
		assertThat(cancelled.json().get("status").asString()).isEqualTo("cancelled");
	}

	@Test
	void appointmentsAreAuthorisedPerRecord() {
		ApiClient doctorX = doctor(BERLIN);
		ApiClient doctorY = doctor(BERLIN);
		ApiClient patientA = patient("Owner A");
		ApiClient patientB = patient("Stranger B");
		String id = book(patientA, doctorX, inDays(BERLIN, 4), "09:00");
		String path = "/api/appointments/" + id;

		assertThat(patientB.get(path).status()).isEqualTo(404);
		assertThat(patientB.post(path + "/cancel", Map.of()).status()).isEqualTo(404);
		assertThat(patientB.post(path + "/review", Map.of("rating", 5)).status()).isEqualTo(404);
		assertThat(patientB.post(path + "/reschedule", Map.of("date", inDays(BERLIN, 5).toString(), "startTime", "09:00"))
			.status()).isEqualTo(404);
		assertThat(doctorY.get(path).status()).isEqualTo(404);
		assertThat(doctorY.patch(path + "/status", Map.of("status", "scheduled")).status()).isEqualTo(404);
		assertThat(patientB.get("/api/appointments").json().get("totalElements").asLong()).isZero();
		assertThat(doctorY.get("/api/appointments").json().get("totalElements").asLong()).isZero();
		assertThat(new ApiClient(port).get(path).status()).isEqualTo(401);

		// nothing the strangers tried changed it
		JsonNode after = patientA.get(path).json();
		assertThat(after.get("status").asString()).isEqualTo("pending");
		assertThat(doctorX.patch(path + "/status", Map.of("status", "scheduled")).status()).isEqualTo(200);
	}

	@Test
	void rescheduleConflictKeepsTheOldBookingAndSuccessFreesTheOldSlot() {
		ApiClient doctor = doctor(NEW_YORK);
		ApiClient alice = patient("Alice");
		ApiClient bob = patient("Bob");
		LocalDate date = inDays(NEW_YORK, 8);
		String aliceId = book(alice, doctor, date, "09:00");
		book(bob, doctor, date, "09:30");
		doctor.patch("/api/appointments/" + aliceId + "/status", Map.of("status", "scheduled"));

		Response conflict = alice.post("/api/appointments/" + aliceId + "/reschedule",
				Map.of("date", date.toString(), "startTime", "09:30"));
		assertThat(conflict.status()).isEqualTo(409);
		JsonNode kept = alice.get("/api/appointments/" + aliceId).json();
		assertThat(kept.get("startTime").asString()).isEqualTo("09:00");
		assertThat(kept.get("status").asString()).isEqualTo("scheduled");
		assertThat(bob.post("/api/appointments", booking(doctor.userId(), date, "09:00")).status()).isEqualTo(409);

		assertThat(doctor.post("/api/appointments/" + aliceId + "/reschedule",
				Map.of("date", date.plusDays(1).toString(), "startTime", "09:00")).status()).isEqualTo(409);
		assertField(alice.post("/api/appointments/" + aliceId + "/reschedule",
				Map.of("date", date.toString(), "startTime", "12:00")), 400, "startTime");

		LocalDate later = date.plusDays(1);
		Response moved = alice.post("/api/appointments/" + aliceId + "/reschedule",
				Map.of("date", later.toString(), "startTime", "09:30"));
		assertThat(moved.status()).isEqualTo(200);
		assertThat(moved.json().get("id").asString()).isEqualTo(aliceId);
		assertThat(moved.json().get("status").asString()).isEqualTo("pending");
		assertThat(moved.json().get("startsAt").asString()).isEqualTo(instant(later, "09:30", NEW_YORK));
		// the old slot is free again
		ApiClient carol = patient("Carol");
		assertThat(carol.post("/api/appointments", booking(doctor.userId(), date, "09:00")).status()).isEqualTo(201);
	}

	@Test
	void reviewsOncePerCompletedAppointmentAndTheRatingAverageIsExact() {
		ApiClient doctor = doctor(BERLIN);
		ApiClient patient = patient("Reviewer");
		String first = book(patient, doctor, inDays(BERLIN, 3), "09:00");
		String second = book(patient, doctor, inDays(BERLIN, 3), "09:30");
		assertConflict(patient.post("/api/appointments/" + first + "/review", Map.of("rating", 5)),
				"Only a completed appointment");
		complete(doctor, first);
		complete(doctor, second);

		assertField(patient.post("/api/appointments/" + first + "/review", Map.of("rating", 6)), 400, "rating");
		assertField(patient.post("/api/appointments/" + first + "/review", Map.of("rating", 0)), 400, "rating");
		assertField(patient.post("/api/appointments/" + first + "/review", Map.of("rating", "five")), 400, "rating");
		assertConflict(doctor.post("/api/appointments/" + first + "/review", Map.of("rating", 5)), "patient");

		Response reviewed = patient.post("/api/appointments/" + first + "/review", Map.of("rating", 4, "review", "Kind"));
		assertThat(reviewed.status()).isEqualTo(200);
		assertThat(reviewed.json().get("rating").asInt()).isEqualTo(4);
		assertThat(reviewed.json().get("review").asString()).isEqualTo("Kind");
		assertConflict(patient.post("/api/appointments/" + first + "/review", Map.of("rating", 1)), "already");
		assertThat(patient.post("/api/appointments/" + second + "/review", Map.of("rating", 5)).status()).isEqualTo(200);

		JsonNode rating = new ApiClient(port).get("/api/doctors/" + doctor.userId()).json().get("rating");
		assertThat(rating.get("average").asDouble()).isEqualTo(4.5);
		assertThat(rating.get("count").asLong()).isEqualTo(2);
		// a profile edit afterwards keeps the rating
		assertThat(doctor.put("/api/doctors/me", Map.of("about", "updated")).status()).isEqualTo(200);
		assertThat(doctor.get("/api/doctors/me").json().get("rating").get("count").asLong()).isEqualTo(2);
	}

	@Test
	void listingIsTheCallersOwnByStartFilteredAndPaged() {
		ApiClient doctor = doctor(BERLIN);
		ApiClient patient = patient("Lister");
		LocalDate d1 = inDays(BERLIN, 20);
		LocalDate d2 = inDays(BERLIN, 21);
		String late = book(patient, doctor, d2, "09:00");
		String early = book(patient, doctor, d1, "09:30");
		String earliest = book(patient, doctor, d1, "09:00");
		doctor.patch("/api/appointments/" + late + "/status", Map.of("status", "scheduled"));

		JsonNode all = patient.get("/api/appointments").json();
		assertThat(all.get("totalElements").asLong()).isEqualTo(3);
		assertThat(all.get("content").valueStream().map(n -> n.get("id").asString()).toList())
			.containsExactly(earliest, early, late);
		JsonNode paged = patient.get("/api/appointments?page=1&size=2").json();
		assertThat(paged.get("content")).hasSize(1);
		assertThat(paged.get("totalPages").asInt()).isEqualTo(2);
		assertThat(paged.get("page").asInt()).isEqualTo(1);
		assertThat(patient.get("/api/appointments?status=scheduled").json().get("content").get(0).get("id").asString())
			.isEqualTo(late);
		assertThat(patient.get("/api/appointments?status=pending,scheduled").json().get("totalElements").asLong())
			.isEqualTo(3);
		assertThat(patient.get("/api/appointments?from=" + d2).json().get("totalElements").asLong()).isEqualTo(1);
		assertThat(patient.get("/api/appointments?to=" + d1).json().get("totalElements").asLong()).isEqualTo(2);
		assertThat(doctor.get("/api/appointments?from=" + instant(d1, "09:30", BERLIN) + "&to="
				+ instant(d2, "09:00", BERLIN)).json().get("totalElements").asLong()).isEqualTo(2);
	}

	private String book(ApiClient patient, ApiClient doctor, LocalDate date, String start) {
		Response response = patient.post("/api/appointments", booking(doctor.userId(), date, start));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().get("id").asString();
	}

	private void complete(ApiClient doctor, String id) {
		assertThat(doctor.patch("/api/appointments/" + id + "/status", Map.of("status", "scheduled")).status())
			.isEqualTo(200);
		clock.set(Instant.parse(doctor.get("/api/appointments/" + id).json().get("startsAt").asString()));
		assertThat(doctor.patch("/api/appointments/" + id + "/status", Map.of("status", "completed")).status())
			.isEqualTo(200);
		clock.reset();
	}

	static void assertConflict(Response response, String reason) {
		assertThat(response.status()).as(response.body()).isEqualTo(409);
		assertThat(response.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("problem+json"));
		assertThat(response.json().get("detail").asString()).contains(reason);
	}

	static void assertField(Response response, int status, String field) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("problem+json"));
		assertThat(response.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
			.as(response.body()).contains(field);
	}
}
