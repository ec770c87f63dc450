package com.healthconnect.appointment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import com.healthconnect.appointment.AppointmentMode;
import com.healthconnect.appointment.AppointmentStatus;
import com.healthconnect.auth.CurrentUser;
import com.healthconnect.auth.Role;
import com.healthconnect.doctor.SlotTime;
import com.healthconnect.platform.DomainException;

/** The status machine: every allowed transition by the right role, and refusals by the wrong role or status. */
class AppointmentTest {

	static final Instant NOW = Instant.parse("2026-05-01T08:00:00Z");
	static final Duration WINDOW = Duration.ofHours(24);
	static final Instant AT_START = Instant.parse("2026-05-04T07:00:00Z");
	static final LocalDate DATE = LocalDate.of(2026, 5, 4);
	static final SlotTime SLOT = new SlotTime(1, "09:00", "09:30", Instant.parse("2026-05-04T07:00:00Z"),
			Instant.parse("2026-05-04T07:30:00Z"), true);
	static final SlotTime OTHER_SLOT = new SlotTime(2, "10:00", "10:30", Instant.parse("2026-05-04T08:00:00Z"),
			Instant.parse("2026-05-04T08:30:00Z"), true);

	final CurrentUser doctor = new CurrentUser(new ObjectId().toHexString(), Role.DOCTOR);
	final CurrentUser patient = new CurrentUser(new ObjectId().toHexString(), Role.PATIENT);
	final CurrentUser otherDoctor = new CurrentUser(new ObjectId().toHexString(), Role.DOCTOR);
	final CurrentUser otherPatient = new CurrentUser(new ObjectId().toHexString(), Role.PATIENT);

	Appointment pending() {
		return Appointment.book(patient.id(), doctor.id(), DATE, "Europe/Berlin", SLOT, AppointmentMode.CHAT,
				"cough", NOW);
	}

	Appointment scheduled() {
		Appointment a = pending();
		a.accept(doctor, null, NOW);
		return a;
	}

	Appointment completed() {
		Appointment a = scheduled();
		a.complete(doctor, "all good", AT_START);
		return a;
	}

	@Test
	void bookingIsPendingAndHoldsTheSlotForDoctorAndPatient() {
		Appointment a = pending();
		assertThat(a.status()).isEqualTo(AppointmentStatus.PENDING);
		assertThat(a.getStatus()).isEqualTo("pending");
		assertThat(a.getSlotHold()).isEqualTo(doctor.id() + "|2026-05-04T07:00:00Z");
		assertThat(a.getPatientHold()).isEqualTo(patient.id() + "|2026-05-04T07:00:00Z");
		assertThat(a.getMode()).isEqualTo(AppointmentMode.CHAT);
	}

	@Test
	void doctorAcceptsPending() {
		Appointment a = pending();
		a.accept(doctor, "see you", NOW);
		assertThat(a.status()).isEqualTo(AppointmentStatus.SCHEDULED);
		assertThat(a.getComment()).isEqualTo("see you");
	}

	@Test
	void doctorRejectsPendingAndReleasesTheSlot() {
		Appointment a = pending();
		a.reject(doctor, "fully booked", NOW);
		assertThat(a.status()).isEqualTo(AppointmentStatus.REJECTED);
		assertThat(a.getSlotHold()).isEqualTo("released:" + a.getId());
		assertThat(a.getPatientHold()).isEqualTo("released:" + a.getId());
	}

	@Test
	void doctorCompletesScheduled() {
		assertThat(completed().status()).isEqualTo(AppointmentStatus.COMPLETED);
	}

	@Test
	void eitherParticipantCancelsPendingOrScheduled() {
		for (CurrentUser who : new CurrentUser[] { doctor, patient }) {
			Appointment p = pending();
			p.cancel(who, "cannot make it", WINDOW, NOW);
			assertThat(p.status()).isEqualTo(AppointmentStatus.CANCELLED);
			assertThat(p.getSlotHold()).startsWith("released:");
			Appointment s = scheduled();
			s.cancel(who, null, WINDOW, NOW);
			assertThat(s.status()).isEqualTo(AppointmentStatus.CANCELLED);
		}
	}

	@Test
	void patientReschedulesBackToPendingWithNewHolds() {
		Appointment a = scheduled();
		a.reschedule(patient, DATE, "Europe/Berlin", OTHER_SLOT, WINDOW, NOW);
		assertThat(a.status()).isEqualTo(AppointmentStatus.PENDING);
		assertThat(a.getStartTime()).isEqualTo("10:00");
		assertThat(a.getSlotHold()).isEqualTo(doctor.id() + "|2026-05-04T08:00:00Z");
	}

	@Test
	void patientReviewsCompletedOnce() {
		Appointment a = completed();
		a.review(patient, 4, "kind", NOW);
		assertThat(a.getRating()).isEqualTo(4);
		assertConflict(() -> a.review(patient, 5, "again", NOW), "already been reviewed");
	}

	@Test
	void wrongRoleIsRefused() {
		assertConflict(() -> pending().accept(patient, null, NOW), "Only the appointment's doctor");
		assertConflict(() -> pending().accept(otherDoctor, null, NOW), "Only the appointment's doctor");
		assertConflict(() -> pending().reject(patient, null, NOW), "Only the appointment's doctor");
		assertConflict(() -> scheduled().complete(patient, null, NOW), "Only the appointment's doctor");
		assertConflict(() -> scheduled().reschedule(doctor, DATE, "UTC", OTHER_SLOT, WINDOW, NOW),
				"Only the appointment's patient");
		assertConflict(() -> completed().review(doctor, 5, null, NOW), "Only the appointment's patient");
		assertConflict(() -> completed().review(otherPatient, 5, null, NOW), "Only the appointment's patient");
		assertThatThrownBy(() -> pending().cancel(otherPatient, null, WINDOW, NOW)).isInstanceOfSatisfying(
				DomainException.class, ex -> assertThat(ex.status()).isEqualTo(HttpStatus.NOT_FOUND));
		assertThatThrownBy(() -> scheduled().writeNotes(patient, "self-diagnosis", NOW)).isInstanceOfSatisfying(
				DomainException.class, ex -> assertThat(ex.status()).isEqualTo(HttpStatus.FORBIDDEN));
	}

	@Test
	void wrongStatusIsRefusedWithTheReason() {
		assertConflict(() -> scheduled().accept(doctor, null, NOW), "Only a pending appointment can be accepted");
		assertConflict(() -> scheduled().reject(doctor, null, NOW), "this one is scheduled");
		assertConflict(() -> pending().complete(doctor, null, NOW), "Only a scheduled appointment can be completed");
		assertConflict(() -> completed().cancel(patient, null, WINDOW, NOW), "this one is completed");
		assertConflict(() -> cancelled().accept(doctor, null, NOW), "this one is cancelled");
		assertConflict(() -> cancelled().cancel(doctor, null, WINDOW, NOW), "this one is cancelled");
		assertConflict(() -> rejected().complete(doctor, null, NOW), "this one is rejected");
		assertConflict(() -> completed().reschedule(patient, DATE, "UTC", OTHER_SLOT, WINDOW, NOW), "this one is completed");
		assertConflict(() -> scheduled().review(patient, 5, null, NOW), "Only a completed appointment");
	}

	@Test
	void aRefusedChangeLeavesTheAppointmentAsItWas() {
		Appointment a = scheduled();
		String hold = a.getSlotHold();
		assertConflict(() -> a.reject(doctor, "no", NOW), "this one is scheduled");
		assertThat(a.status()).isEqualTo(AppointmentStatus.SCHEDULED);
		assertThat(a.getSlotHold()).isEqualTo(hold);
		assertThat(a.getComment()).isNull();
	}

	@Test
	void completingBeforeTheStartIsRefused() {
		assertConflict(() -> scheduled().complete(doctor, null, AT_START.minusSeconds(1)), "only once it has begun");
		Appointment a = scheduled();
		a.complete(doctor, null, AT_START);
		assertThat(a.status()).isEqualTo(AppointmentStatus.COMPLETED);
	}

	@Test
	void patientCannotCancelOrRescheduleInsideTheWindowButTheDoctorCan() {
		Instant late = AT_START.minus(WINDOW).plusSeconds(1);
		assertConflict(() -> scheduled().cancel(patient, null, WINDOW, late), "until 2026-05-03T07:00:00Z");
		assertConflict(() -> scheduled().reschedule(patient, DATE, "UTC", OTHER_SLOT, WINDOW, late),
				"rescheduled free of charge until 2026-05-03T07:00:00Z");
		Appointment ontime = scheduled();
		ontime.cancel(patient, "travel", WINDOW, AT_START.minus(WINDOW));
		assertThat(ontime.getCancelledBy()).isEqualTo("patient");

		Appointment byDoctor = scheduled();
		byDoctor.cancel(doctor, "ill today", WINDOW, AT_START.minusSeconds(60));
		assertThat(byDoctor.status()).isEqualTo(AppointmentStatus.CANCELLED);
		assertThat(byDoctor.getCancelledBy()).isEqualTo("doctor");
		assertThat(byDoctor.getCancellationReason()).isEqualTo("ill today");
	}

	@Test
	void aCancellationReasonDoesNotOverwriteTheDoctorsComment() {
		Appointment a = pending();
		a.accept(doctor, "bring your scans", NOW);
		a.cancel(patient, "feeling better", WINDOW, NOW);
		assertThat(a.getComment()).isEqualTo("bring your scans");
		assertThat(a.getCancellationReason()).isEqualTo("feeling better");
	}

	@Test
	void pendingExpiresOnlyWhenTheSlotBeginsAndLetsGoOfIt() {
		assertConflict(() -> pending().expire(AT_START.minusSeconds(1)), "expires only when its slot begins");
		assertConflict(() -> scheduled().expire(AT_START), "Only a pending appointment can be expired");
		Appointment a = pending();
		a.expire(AT_START);
		assertThat(a.status()).isEqualTo(AppointmentStatus.EXPIRED);
		assertThat(a.getSlotHold()).isEqualTo("released:" + a.getId());
	}

	@Test
	void checkInIsOpenFromFifteenMinutesBeforeUntilTheEnd() {
		assertConflict(() -> scheduled().checkIn(patient, AT_START.minusSeconds(15 * 60 + 1)), "Check-in is open");
		assertConflict(() -> scheduled().checkIn(patient, SLOT.endsAt()), "Check-in is open");
		assertConflict(() -> pending().checkIn(patient, AT_START), "Only a scheduled appointment");
		assertConflict(() -> scheduled().checkIn(doctor, AT_START), "Only the appointment's patient");
		Appointment a = scheduled();
		a.checkIn(patient, AT_START.minusSeconds(15 * 60));
		a.checkIn(patient, AT_START.plusSeconds(60));
		assertThat(a.getCheckedInAt()).as("the first arrival counts").isEqualTo(AT_START.minusSeconds(15 * 60));
	}

	@Test
	void everyChangeRaisesTheSequence() {
		Appointment a = pending();
		int booked = a.getSequence();
		a.accept(doctor, null, NOW);
		assertThat(a.getSequence()).isGreaterThan(booked);
		int accepted = a.getSequence();
		a.cancel(doctor, null, WINDOW, NOW);
		assertThat(a.getSequence()).isGreaterThan(accepted);
	}

	private Appointment cancelled() {
		Appointment a = pending();
		a.cancel(patient, null, WINDOW, NOW);
		return a;
	}

	private Appointment rejected() {
		Appointment a = pending();
		a.reject(doctor, null, NOW);
		return a;
	}

	private static void assertConflict(Runnable change, String reason) {
		assertThatThrownBy(change::run).isInstanceOfSatisfying(DomainException.class, ex -> {
			assertThat(ex.status()).isEqualTo(HttpStatus.CONFLICT);
			assertThat(ex.getMessage()).contains(reason);
		});
	}

}
