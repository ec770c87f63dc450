package com.healthconnect.appointment;

import static com.healthconnect.appointment.BookingIT.assertConflict;
import static com.healthconnect.appointment.BookingIT.assertField;
import static com.healthconnect.support.Schedules.booking;
import static com.healthconnect.support.Schedules.doctorWithSchedule;
import static com.healthconnect.support.Schedules.inDays;
import static com.healthconnect.support.Schedules.instant;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.healthconnect.support.ApiClient;
import com.healthconnect.support.ApiClient.Response;
import com.healthconnect.support.IntegrationTest;
import com.healthconnect.support.TestClock;

import tools.jackson.databind.JsonNode;

/** The practice's rules through the API: notice, cancellation window, completion, expiry, check-in, time off, reviews. */
@IntegrationTest
class PracticeRulesIT {

	static final String BERLIN = "Europe/Berlin";

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	@Autowired
	Bookings bookings;

	@AfterEach
	void realTime() {
		clock.reset();
	}

	ApiClient doctor() {
		return doctorWithSchedule(port, "Dr Rules", "General Practice", BERLIN);
	}

	ApiClient patient(String name) {
		return new ApiClient(port).registerPatient(name);
	}

	String book(ApiClient patient, ApiClient doctor, LocalDate date, String start) {
		Response response = patient.post("/api/appointments", booking(doctor.userId(), date, start));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().get("id").asString();
	}

	String bookAndAccept(ApiClient patient, ApiClient doctor, LocalDate date, String start) {
		String id = book(patient, doctor, date, start);
		assertThat(doctor.patch("/api/appointments/" + id + "/status", Map.of("status", "scheduled")).status())
			.isEqualTo(200);
		return id;
	}

	@Test
	void policyDefaultsAreShownAndTheDoctorEditsThem() {
		ApiClient doctor = doctor();
		assertThat(doctor.get("/api/doctors/me").json().get("minimumNoticeMinutes").asInt()).isEqualTo(120);
		JsonNode detail = new ApiClient(port).get("/api/doctors/" + doctor.userId()).json();
		assertThat(detail.get("cancellationWindowHours").asInt()).isEqualTo(24);

		Response updated = doctor.put("/api/doctors/me", Map.of("minimumNoticeMinutes", 30, "cancellationWindowHours", 48));
		assertThat(updated.status()).as(updated.body()).isEqualTo(200);
		assertThat(updated.json().get("cancellationWindowHours").asInt()).isEqualTo(48);
		assertThat(new ApiClient(port).get("/api/doctors/" + doctor.userId()).json().get("minimumNoticeMinutes").asInt())
			.isEqualTo(30);
		assertField(doctor.put("/api/doctors/me", Map.of("cancellationWindowHours", -1)), 400, "cancellationWindowHours");
	}

	@Test
	void aSlotInsideTheMinimumNoticeIsUnavailableAndBooking400() {
		ApiClient doctor = doctor();
		ApiClient patient = patient("Short Notice");
		LocalDate date = inDays(BERLIN, 3);
		clock.set(Instant.parse(instant(date, "09:00", BERLIN)).minus(Duration.ofMinutes(119)));
		JsonNode slots = new ApiClient(port).get("/api/doctors/" + doctor.userId() + "/slots?date=" + date).json();
		assertThat(slots.get(0).get("available").asBoolean()).as("09:00 is 119 minutes away").isFalse();
		assertThat(slots.get(1).get("available").asBoolean()).as("09:30 is 149 minutes away").isTrue();
		assertField(patient.post("/api/appointments", booking(doctor.userId(), date, "09:00")), 400, "startTime");
		book(patient, doctor, date, "09:30");
	}

	@Test
	void aPatientsLateCancelOrRescheduleIs409WithTheDeadlineButTheDoctorMayCancelWithAReason() {
		ApiClient doctor = doctor();
		ApiClient patient = patient("Late Canceller");
		LocalDate date = inDays(BERLIN, 4);
		String id = bookAndAccept(patient, doctor, date, "09:00");
		Instant startsAt = Instant.parse(instant(date, "09:00", BERLIN));
		Instant deadline = startsAt.minus(Duration.ofHours(24));
		JsonNode before = patient.get("/api/appointments/" + id).json();
		assertThat(before.get("cancellationDeadline").asString()).isEqualTo(deadline.toString());

		clock.set(deadline.plusSeconds(60));
		assertConflict(patient.post("/api/appointments/" + id + "/cancel", Map.of("reason", "late")),
				deadline.toString());
		assertConflict(patient.post("/api/appointments/" + id + "/reschedule",
				Map.of("date", inDays(BERLIN, 6).toString(), "startTime", "09:00")), deadline.toString());

		Response cancelled = doctor.post("/api/appointments/" + id + "/cancel", Map.of("reason", "I am ill today"));
		assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
		JsonNode seen = patient.get("/api/appointments/" + id).json();
		assertThat(seen.get("status").asString()).isEqualTo("cancelled");
		assertThat(seen.get("cancelledBy").asString()).isEqualTo("doctor");
		assertThat(seen.get("cancellationReason").asString()).isEqualTo("I am ill today");
		assertThat(seen.get("comment").isNull()).isTrue();
	}

	@Test
	void aPendingRequestNeverAnsweredExpiresWhenTheSlotBegins() {
		ApiClient doctor = doctor();
		ApiClient patient = patient("Unanswered");
		LocalDate date = inDays(BERLIN, 5);
		String id = book(patient, doctor, date, "09:00");
		String answered = bookAndAccept(patient, doctor, date, "09:30");
		Instant startsAt = Instant.parse(instant(date, "09:00", BERLIN));

		clock.set(startsAt.minusSeconds(5));
		bookings.expireUnanswered();
		assertThat(patient.get("/api/appointments/" + id).json().get("status").asString()).isEqualTo("pending");

		clock.set(startsAt.plusSeconds(1));
		bookings.expireUnanswered();
		assertThat(patient.get("/api/appointments/" + id).json().get("status").asString()).isEqualTo("expired");
		assertThat(doctor.get("/api/appointments/" + answered).json().get("status").asString()).isEqualTo("scheduled");
		assertThat(patient.get("/api/appointments?status=expired").json().get("totalElements").asLong()).isEqualTo(1);
		bookings.expireUnanswered();
		for (ApiClient told : List.of(patient, doctor)) {
			assertThat(told.get("/api/notifications").json().get("content").valueStream()
				.filter(n -> n.get("type").asString().equals("appointment-expired"))).as("told once").hasSize(1);
		}
		assertConflict(doctor.patch("/api/appointments/" + id + "/status", Map.of("status", "scheduled")),
				"this one is expired");
	}

	@Test
	void completedOnlyFromTheStart() {
		ApiClient doctor = doctor();
		ApiClient patient = patient("Early Completion");
		LocalDate date = inDays(BERLIN, 3);
		String id = bookAndAccept(patient, doctor, date, "09:00");
		Instant startsAt = Instant.parse(instant(date, "09:00", BERLIN));
		clock.set(startsAt.minusSeconds(120));
		assertConflict(doctor.patch("/api/appointments/" + id + "/status", Map.of("status", "completed")),
				"only once it has begun");
		clock.set(startsAt.plusSeconds(1));
		assertThat(doctor.patch("/api/appointments/" + id + "/status",
				Map.of("status", "completed", "notes", "Rest")).status()).isEqualTo(200);
	}

	@Test
	void checkInOpensFifteenMinutesBeforeAndPutsThePatientInTheWaitingRoom() {
		ApiClient doctor = doctor();
		ApiClient patient = patient("Ada Waiting");
		LocalDate date = inDays(BERLIN, 3);
		String id = bookAndAccept(patient, doctor, date, "09:00");
		Instant startsAt = Instant.parse(instant(date, "09:00", BERLIN));

		clock.set(startsAt.minus(Duration.ofMinutes(16)));
		assertConflict(patient.post("/api/appointments/" + id + "/check-in", Map.of()), "Check-in is open");
		assertThat(doctor.get("/api/doctors/me/waiting-room").json()).isEmpty();

		clock.set(startsAt.minus(Duration.ofMinutes(15)));
		Response checkedIn = patient.post("/api/appointments/" + id + "/check-in", Map.of());
		assertThat(checkedIn.status()).as(checkedIn.body()).isEqualTo(200);
		assertThat(checkedIn.json().get("checkedInAt").isNull()).isFalse();
		assertThat(doctor.post("/api/appointments/" + id + "/check-in", Map.of()).status()).isEqualTo(409);
		assertThat(patient("Stranger").post("/api/appointments/" + id + "/check-in", Map.of()).status())
			.isEqualTo(404);

		JsonNode room = doctor.get("/api/doctors/me/waiting-room").json();
		assertThat(room).hasSize(1);
		assertThat(room.get(0).get("id").asString()).isEqualTo(id);
		assertThat(room.get(0).get("patient").get("name").asString()).isEqualTo("Ada Waiting");
		assertThat(patient.get("/api/doctors/me/waiting-room").status()).isEqualTo(403);

		clock.set(startsAt.plusSeconds(60));
		doctor.patch("/api/appointments/" + id + "/status", Map.of("status", "completed", "notes", "ok"));
		assertThat(doctor.get("/api/doctors/me/waiting-room").json()).isEmpty();
	}

	@Test
	void timeOffMakesItsDatesUnbookableAndListsTheBookingsAlreadyOnThem() {
		ApiClient doctor = doctor();
		ApiClient patient = patient("Holiday Victim");
		LocalDate from = inDays(BERLIN, 10);
		String booked = book(patient, doctor, from.plusDays(1), "09:00");

		Response put = doctor.put("/api/doctors/me/time-off",
				List.of(Map.of("from", from.toString(), "to", from.plusDays(2).toString(), "reason", "conference")));
		assertThat(put.status()).as(put.body()).isEqualTo(200);
		assertThat(put.json().get("timeOff").get(0).get("reason").asString()).isEqualTo("conference");
		assertThat(put.json().get("affected")).hasSize(1);
		assertThat(put.json().get("affected").get(0).get("id").asString()).isEqualTo(booked);
		assertThat(doctor.get("/api/doctors/me/time-off").json().get("timeOff")).hasSize(1);

		JsonNode slots = new ApiClient(port).get("/api/doctors/" + doctor.userId() + "/slots?date=" + from).json();
		assertThat(slots).isNotEmpty().allSatisfy(slot -> assertThat(slot.get("available").asBoolean()).isFalse());
		assertField(patient.post("/api/appointments", booking(doctor.userId(), from.plusDays(2), "09:30")), 400, "date");
		book(patient, doctor, from.plusDays(3), "09:00");

		assertThat(doctor.put("/api/doctors/me/time-off",
				List.of(Map.of("from", from.toString(), "to", from.minusDays(1).toString()))).status()).isEqualTo(400);
		assertThat(doctor.put("/api/doctors/me/time-off", List.of(Map.of("from", "not-a-date", "to", from.toString())))
			.status()).isEqualTo(400);
		assertThat(patient.get("/api/doctors/me/time-off").status()).isEqualTo(403);
	}

	@Test
	void reviewsWithTextAreListedNewestFirstWithFirstNameAndInitial() {
		ApiClient doctor = doctor();
		ApiClient ada = patient("Ada Lovelace");
		ApiClient bob = patient("Bob");
		LocalDate date = inDays(BERLIN, 3);
		String first = bookAndAccept(ada, doctor, date, "09:00");
		String second = bookAndAccept(bob, doctor, date, "09:30");
		clock.set(Instant.parse(instant(date, "09:30", BERLIN)));
		for (String id : List.of(first, second)) {
			assertThat(doctor.patch("/api/appointments/" + id + "/status", Map.of("status", "completed")).status())
				.isEqualTo(200);
		}
		ada.post("/api/appointments/" + first + "/review", Map.of("rating", 5, "review", "Listened carefully"));
		clock.advance(Duration.ofMinutes(1));
		bob.post("/api/appointments/" + second + "/review", Map.of("rating", 3));

		JsonNode page = new ApiClient(port).get("/api/doctors/" + doctor.userId() + "/reviews").json();
		assertThat(page.get("totalElements").asLong()).as("only reviews with text").isEqualTo(1);
		JsonNode review = page.get("content").get(0);
		assertThat(review.get("review").asString()).isEqualTo("Listened carefully");
		assertThat(review.get("rating").asInt()).isEqualTo(5);
		assertThat(review.get("patient").get("name").asString()).isEqualTo("Ada L.");
		assertThat(review.get("patient").has("id")).isFalse();
		assertThat(new ApiClient(port).get("/api/doctors/5f1d7f3e9c1b2a0011223344/reviews").status()).isEqualTo(404);
	}
}
