package com.healthconnect.appointment;

import static com.healthconnect.support.Schedules.booking;
import static com.healthconnect.support.Schedules.doctorWithSchedule;
import static com.healthconnect.support.Schedules.inDays;
import static com.healthconnect.support.Schedules.instant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import com.healthconnect.appointment.internal.AppointmentStore;
import com.healthconnect.appointment.internal.ReminderClaims;
import com.healthconnect.support.ApiClient;
import com.healthconnect.support.IntegrationTest;
import com.healthconnect.support.Simultaneously;
import com.healthconnect.support.TestClock;

import tools.jackson.databind.JsonNode;

/**
 * Reminders at 24 h and 15 min before each scheduled appointment: exactly once per offset with two schedulers sharing
 * the database, none for a cancelled appointment, a rescheduled one reminded of its new time. The clock is moved, not
 * waited for.
 */
@IntegrationTest
class RemindersIT {

	static final String BERLIN = "Europe/Berlin";

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	@Autowired
	Reminders reminders;

	@Autowired
	AppointmentStore store;

	@Autowired
	ReminderClaims claims;

	@Autowired
	Bookings bookings;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	ReminderProperties properties;

	@Autowired
	MongoTemplate mongo;

	@AfterEach
	void realTime() {
		clock.reset();
	}

	@Test
	void twoSchedulersOnOneDatabaseSendEachReminderExactlyOnce() throws Exception {
		ApiClient doctor = doctorWithSchedule(port, "Dr Remind", "General Practice", BERLIN);
		ApiClient patient = new ApiClient(port).registerPatient("Rita Reminded");
		LocalDate date = inDays(BERLIN, 5);
		String id = bookAndAccept(patient, doctor, date, "09:00");
		String cancelled = bookAndAccept(patient, doctor, date, "09:30");
		patient.post("/api/appointments/" + cancelled + "/cancel", Map.of());
		Instant startsAt = Instant.parse(instant(date, "09:00", BERLIN));
		// a second "instance": its own scheduler object over the same database
		Reminders other = new Reminders(store, claims, bookings, events, clock, properties);

		clock.set(startsAt.minus(Duration.ofHours(25)));
		assertThat(race(reminders, other)).isZero();

		clock.set(startsAt.minus(Duration.ofHours(24)));
		assertThat(race(reminders, other)).isEqualTo(1);
		assertThat(race(reminders, other)).as("already claimed").isZero();
		assertThat(reminders(patient, id)).hasSize(1);
		assertThat(reminders(patient, id).get(0).get("title").asString()).contains("24 hours");
		assertThat(reminders(doctor, id)).hasSize(1);

		clock.set(startsAt.minus(Duration.ofMinutes(15)));
		assertThat(race(reminders, other)).isEqualTo(1);
		assertThat(race(reminders, other)).isZero();
		assertThat(reminders(patient, id)).hasSize(2);
		assertThat(reminders(patient, id).get(0).get("title").asString()).contains("15 minutes");
		assertThat(reminders(patient, cancelled)).as("none for a cancelled appointment").isEmpty();
	}

	@Test
	void aRescheduledAppointmentIsRemindedOfItsNewTime() {
		ApiClient doctor = doctorWithSchedule(port, "Dr Remind", "General Practice", BERLIN);
		ApiClient patient = new ApiClient(port).registerPatient("Moved Patient", BERLIN);
		LocalDate date = inDays(BERLIN, 4); // the clock stays within the 7-day session
		String id = bookAndAccept(patient, doctor, date, "09:00");
		Instant first = Instant.parse(instant(date, "09:00", BERLIN));
		clock.set(first.minus(Duration.ofHours(24)).plusSeconds(1));
		reminders.sendDue();
		assertThat(reminders(patient, id)).hasSize(1);

		clock.reset();
		LocalDate later = date.plusDays(2);
		assertThat(patient.post("/api/appointments/" + id + "/reschedule",
				Map.of("date", later.toString(), "startTime", "09:30")).status()).isEqualTo(200);
		Instant second = Instant.parse(instant(later, "09:30", BERLIN));
		clock.set(second.minus(Duration.ofHours(24)).plusSeconds(1));
		reminders.sendDue();
		assertThat(reminders(patient, id)).as("pending again: not reminded until accepted").hasSize(1);
		doctor.patch("/api/appointments/" + id + "/status", Map.of("status", "scheduled"));
		reminders.sendDue();
		List<JsonNode> sent = reminders(patient, id);
		assertThat(sent).hasSize(2);
		assertThat(sent.get(0).get("body").asString()).contains("09:30");
	}

	@Test
	void aReminderClaimedByAnInstanceThatDiedBeforeNotifyingIsDeliveredOnceAfterItsLease() throws Exception {
		ApiClient doctor = doctorWithSchedule(port, "Dr Crash", "General Practice", BERLIN);
		ApiClient patient = new ApiClient(port).registerPatient("Carla Crashed", BERLIN);
		LocalDate date = inDays(BERLIN, 1); // days 1-3: no other test here has a visit due then
		String id = bookAndAccept(patient, doctor, date, "09:00");
		Instant startsAt = Instant.parse(instant(date, "09:00", BERLIN));
		Reminders other = new Reminders(store, claims, bookings, events, clock, properties);

		// an instance claims the 24-hour reminder and dies before writing any notification (claimed before the clock
		// moves, so the app's own scheduler, a third instance here, cannot claim it first)
		Instant due = startsAt.minus(Duration.ofHours(24)).plusSeconds(1);
		assertThat(claims.claim(id, startsAt, Duration.ofHours(24).toString(), due)).isTrue();
		clock.set(due);
		race(reminders, other);
		assertThat(reminders(patient, id)).as("the lease still runs").isEmpty();

		// past the lease one of the two survivors delivers it, once
		clock.advance(properties.lease().plusSeconds(1));
		race(reminders, other);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(reminders(doctor, id)).hasSize(1));
		assertThat(reminders(patient, id)).hasSize(1);
		clock.advance(properties.lease().plusSeconds(1));
		race(reminders, other);
		assertThat(reminders(patient, id)).hasSize(1);
		assertThat(reminders(doctor, id)).hasSize(1);
	}

	@Test
	void aRedeliveryAfterACrashBetweenTheNotificationsAndTheirReceiptAddsNoSecondOne() throws Exception {
		ApiClient doctor = doctorWithSchedule(port, "Dr Twice", "General Practice", BERLIN);
		ApiClient patient = new ApiClient(port).registerPatient("Theo Twice", BERLIN);
		LocalDate date = inDays(BERLIN, 2);
		String id = bookAndAccept(patient, doctor, date, "09:30");
		Instant startsAt = Instant.parse(instant(date, "09:30", BERLIN));
		Reminders other = new Reminders(store, claims, bookings, events, clock, properties);
		clock.set(startsAt.minus(Duration.ofMinutes(15)).plusSeconds(1));
		reminders.sendDue();
		assertThat(reminders(patient, id)).hasSize(1);
		String doctorsReminder = reminders(doctor, id).get(0).get("id").asString();

		// the instance died after the patient's notification and before the doctor's, so the claim is not marked sent
		mongo.remove(Query.query(Criteria.where("_id").is(new ObjectId(doctorsReminder))), "notifications");
		mongo.updateFirst(Query.query(Criteria.where("_id").is(ReminderClaims.key(id, startsAt, "PT15M"))),
				Update.update("state", "claimed"), "appointment_reminders");
		clock.advance(properties.lease().plusSeconds(1));
		race(reminders, other);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(
				() -> assertThat(reminders(doctor, id)).as("the doctor's, lost in the crash, is written").hasSize(1));
		assertThat(reminders(patient, id)).as("the patient's is not written twice").hasSize(1);
		clock.advance(properties.lease().plusSeconds(1));
		race(reminders, other);
		assertThat(reminders(patient, id)).hasSize(1);
		assertThat(reminders(doctor, id)).hasSize(1);
	}

	@Test
	void aClaimLeftByACrashIsDroppedWhenTheAppointmentWasCancelledMeanwhile() throws Exception {
		ApiClient doctor = doctorWithSchedule(port, "Dr Drop", "General Practice", BERLIN);
		ApiClient patient = new ApiClient(port).registerPatient("Dora Dropped", BERLIN);
		LocalDate date = inDays(BERLIN, 3);
		String id = bookAndAccept(patient, doctor, date, "09:00");
		Instant startsAt = Instant.parse(instant(date, "09:00", BERLIN));
		Instant due = startsAt.minus(Duration.ofHours(24)).plusSeconds(1);
		assertThat(claims.claim(id, startsAt, Duration.ofHours(24).toString(), due)).isTrue();
		clock.set(due);
		doctor.post("/api/appointments/" + id + "/cancel", Map.of("reason", "ill"));
		clock.advance(properties.lease().plusSeconds(1));
		reminders.sendDue();
		assertThat(reminders(patient, id)).isEmpty();
		assertThat(reminders(doctor, id)).isEmpty();
	}

	private int race(Reminders a, Reminders b) throws Exception {
		return Simultaneously.sum(a::sendDue, b::sendDue);
	}

	private String bookAndAccept(ApiClient patient, ApiClient doctor, LocalDate date, String start) {
		String id = patient.post("/api/appointments", booking(doctor.userId(), date, start)).json().get("id").asString();
		assertThat(doctor.patch("/api/appointments/" + id + "/status", Map.of("status", "scheduled")).status())
			.isEqualTo(200);
		return id;
	}

	private static List<JsonNode> reminders(ApiClient user, String appointmentId) {
		return user.get("/api/notifications?size=100").json().get("content").valueStream()
			.filter(n -> n.get("type").asString().equals("appointment-reminder"))
			.filter(n -> n.get("appointmentId").asString().equals(appointmentId))
			.toList();
	}
}
