package com.healthconnect.appointment.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.bson.types.ObjectId;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import com.healthconnect.appointment.AppointmentMode;
import com.healthconnect.appointment.AppointmentStatus;
import com.healthconnect.auth.CurrentUser;
import com.healthconnect.doctor.SlotTime;
import com.healthconnect.platform.DomainException;

import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/**
 * An appointment and its status machine, the one place that decides which change is allowed and by whom:
 * <pre>
 * pending   → scheduled | rejected   (its doctor)
 * pending | scheduled → cancelled    (either participant; the patient only before the doctor's cancellation window)
 * scheduled → completed              (its doctor, not before startsAt)
 * pending   → expired                (the server, when the slot begins unanswered)
 * pending | scheduled → pending, at another slot (its patient, before the cancellation window)
 * scheduled → checked in             (its patient, from 15 minutes before startsAt until endsAt)
 * completed → reviewed, once         (its patient)
 * </pre>
 * Anything else is a 409 that says why. {@code sequence} grows with every change, so calendar copies (ICS
 * {@code SEQUENCE}) know which version is newer.
 * <p>
 * <b>No double booking.</b> While an appointment holds its slot, {@code slotHold} is {@code doctorId|startsAt} and
 * {@code patientHold} is {@code patientId|startsAt}; both fields carry a plain unique index. When it lets go
 * (cancelled, rejected) both become the tombstone {@code released:<id>}, unique by construction. The hold is part of
 * the appointment document, so taking it and recording the appointment is one single-document write: atomic on
 * MongoDB and on the embedded server alike, with no window in which a crash could leave a hold without its
 * appointment. Rescheduling rewrites the holds in the same single-document update, so the new slot is taken before
 * the old one is let go, and a refused update leaves the old booking exactly as it was.
 */
@Document(Appointment.COLLECTION)
@Getter
@NoArgsConstructor(access = AccessLevel.PACKAGE)
public class Appointment {

	public static final String COLLECTION = "appointments";
	public static final Duration CHECK_IN_OPENS = Duration.ofMinutes(15);
	static final String RELEASED = "released:";

	@Id
	private String id;
	private String doctorId;
	private String patientId;
	/** {@code YYYY-MM-DD} in the doctor's zone. */
	private String date;
	private String startTime;
	private String endTime;
	private Instant startsAt;
	private Instant endsAt;
	private String timeZone;
	/** Lower-case status, as {@code Connections} queries it. */
	private String status;
	private AppointmentMode mode;
	private String reason;
	private String comment;
	private String notes;
	private Integer rating;
	private String review;
	/** {@code doctor} or {@code patient}; set once, when it is cancelled. */
	private String cancelledBy;
	private String cancellationReason;
	private Instant checkedInAt;
	/** Grows with every change: the ICS {@code SEQUENCE}. */
	private int sequence;
	private String slotHold;
	private String patientHold;
	@Version
	private Long version;
	private Instant createdAt;
	private Instant updatedAt;

	/** A patient books a slot; the slot has already been checked against the doctor's schedule. */
	public static Appointment book(String patientId, String doctorId, LocalDate date, String timeZone, SlotTime slot,
			AppointmentMode mode, String reason, Instant now) {
		Appointment a = new Appointment();
		a.id = new ObjectId().toHexString();
		a.patientId = patientId;
		a.doctorId = doctorId;
		a.mode = mode == null ? AppointmentMode.VIDEO : mode;
		a.reason = reason;
		a.status = AppointmentStatus.PENDING.json();
		a.place(date, timeZone, slot);
		a.createdAt = now;
		a.updatedAt = now;
		return a;
	}

	public AppointmentStatus status() {
		return AppointmentStatus.parse(status).orElseThrow();
	}

	public boolean isParticipant(CurrentUser user) {
		return user.isDoctor() ? user.id().equals(doctorId) : user.id().equals(patientId);
	}

	public void accept(CurrentUser actor, String comment, Instant now) {
		requireDoctor(actor, "accept");
		requireStatus(AppointmentStatus.PENDING, "accepted");
		moveTo(AppointmentStatus.SCHEDULED, comment, now);
	}

	public void reject(CurrentUser actor, String comment, Instant now) {
		requireDoctor(actor, "reject");
		requireStatus(AppointmentStatus.PENDING, "rejected");
		moveTo(AppointmentStatus.REJECTED, comment, now);
		release();
	}

	/** Only once the visit has begun: a visit cannot be completed the day before. */
	public void complete(CurrentUser actor, String comment, Instant now) {
		requireDoctor(actor, "complete");
		requireStatus(AppointmentStatus.SCHEDULED, "completed");
		if (now.isBefore(startsAt)) {
			throw DomainException.conflict("A visit can be completed only once it has begun, from " + startsAt);
		}
		moveTo(AppointmentStatus.COMPLETED, comment, now);
	}

	/**
	 * Either participant cancels; the patient only until {@code cancellationWindow} before the start (the doctor's
	 * policy), the doctor at any time. The reason is kept apart from the doctor's comment.
	 */
	public void cancel(CurrentUser actor, String reason, Duration cancellationWindow, Instant now) {
		requireParticipant(actor);
		requireActive("cancelled");
		if (actor.isPatient()) {
			requireBeforeDeadline(cancellationWindow, now, "cancelled");
		}
		this.cancelledBy = actor.isDoctor() ? "doctor" : "patient";
		this.cancellationReason = reason == null || reason.isBlank() ? null : reason.strip();
		moveTo(AppointmentStatus.CANCELLED, null, now);
		release();
	}

	/**
	 * The participant {@code actor} deleted their account: a pending or scheduled appointment is cancelled whatever
	 * the cancellation window, since nobody is left to keep it; the other participant is told.
	 */
	public void cancelForDeletedAccount(CurrentUser actor, Instant now) {
		requireParticipant(actor);
		requireActive("cancelled");
		this.cancelledBy = actor.isDoctor() ? "doctor" : "patient";
		this.cancellationReason = "The account was deleted";
		moveTo(AppointmentStatus.CANCELLED, null, now);
		release();
	}

	/** The slot began and the doctor never answered: the slot is free again. Only the server does this. */
	public void expire(Instant now) {
		requireStatus(AppointmentStatus.PENDING, "expired");
		if (now.isBefore(startsAt)) {
			throw DomainException.conflict("A pending appointment expires only when its slot begins");
		}
		moveTo(AppointmentStatus.EXPIRED, null, now);
		release();
	}

	/** The patient arrives in the waiting room: from {@link #CHECK_IN_OPENS} before the start until the end. */
	public void checkIn(CurrentUser actor, Instant now) {
		requirePatient(actor, "check in to");
		requireStatus(AppointmentStatus.SCHEDULED, "checked in to");
		Instant opens = startsAt.minus(CHECK_IN_OPENS);
		if (now.isBefore(opens) || !now.isBefore(endsAt)) {
			throw DomainException.conflict("Check-in is open from " + opens + " until " + endsAt);
		}
		if (checkedInAt == null) { // coming back to the tab keeps the first arrival time
			this.checkedInAt = now;
			this.updatedAt = now;
			this.sequence++;
		}
	}

	/** Moves to another slot of the same doctor and back to pending: the doctor has to accept the new time. */
	public void reschedule(CurrentUser actor, LocalDate date, String timeZone, SlotTime slot,
			Duration cancellationWindow, Instant now) {
		checkReschedulable(actor, cancellationWindow, now);
		place(date, timeZone, slot);
		this.checkedInAt = null;
		moveTo(AppointmentStatus.PENDING, null, now);
	}

	/** Lets the caller learn that a reschedule is refused before it looks for the new slot. */
	public void checkReschedulable(CurrentUser actor, Duration cancellationWindow, Instant now) {
		requirePatient(actor, "reschedule");
		requireActive("rescheduled");
		requireBeforeDeadline(cancellationWindow, now, "rescheduled");
	}

	/** The last moment the patient may cancel or reschedule without asking the doctor. */
	public Instant cancellationDeadline(Duration cancellationWindow) {
		return startsAt.minus(cancellationWindow);
	}

	private void requireBeforeDeadline(Duration cancellationWindow, Instant now, String verb) {
		Instant deadline = cancellationDeadline(cancellationWindow);
		if (now.isAfter(deadline)) {
			throw DomainException.conflict("This appointment could be " + verb + " free of charge until " + deadline
					+ " (" + cancellationWindow.toHours() + " hours before it starts); please contact the doctor");
		}
	}

	public void review(CurrentUser actor, int stars, String text, Instant now) {
		requirePatient(actor, "review");
		if (status() != AppointmentStatus.COMPLETED) {
			throw DomainException.conflict("Only a completed appointment can be reviewed; this one is " + status);
		}
		if (rating != null) {
			throw DomainException.conflict("This appointment has already been reviewed");
		}
		if (stars < 1 || stars > 5) {
			throw DomainException.invalidField("rating", "must be between 1 and 5");
		}
		this.rating = stars;
		this.review = text;
		this.updatedAt = now;
		this.sequence++;
	}

	/** Visit notes are the doctor's alone; a patient never writes them. */
	public void writeNotes(CurrentUser actor, String notes, Instant now) {
		if (!actor.isDoctor() || !actor.id().equals(doctorId)) {
			throw DomainException.forbidden("Only the doctor writes visit notes");
		}
		this.notes = notes;
		this.updatedAt = now;
	}

	private void place(LocalDate date, String timeZone, SlotTime slot) {
		this.date = date.toString();
		this.timeZone = timeZone;
		this.startTime = slot.startTime();
		this.endTime = slot.endTime();
		this.startsAt = slot.startsAt();
		this.endsAt = slot.endsAt();
		this.slotHold = slotHold(doctorId, slot.startsAt());
		this.patientHold = patientHold(patientId, slot.startsAt());
	}

	private void release() {
		this.slotHold = RELEASED + id;
		this.patientHold = RELEASED + id;
	}

	private void moveTo(AppointmentStatus next, String remark, Instant now) {
		this.status = next.json();
		if (remark != null) {
			this.comment = remark;
		}
		this.updatedAt = now;
		this.sequence++;
	}

	private void requireStatus(AppointmentStatus expected, String verb) {
		if (status() != expected) {
			throw DomainException.conflict("Only a " + expected.json() + " appointment can be " + verb
					+ "; this one is " + status);
		}
	}

	private void requireActive(String verb) {
		if (status() != AppointmentStatus.PENDING && status() != AppointmentStatus.SCHEDULED) {
			throw DomainException.conflict("Only a pending or scheduled appointment can be " + verb
					+ "; this one is " + status);
		}
	}

	private void requireDoctor(CurrentUser actor, String verb) {
		if (!actor.isDoctor() || !actor.id().equals(doctorId)) {
			throw DomainException.conflict("Only the appointment's doctor can " + verb + " it");
		}
	}

	private void requirePatient(CurrentUser actor, String verb) {
		if (!actor.isPatient() || !actor.id().equals(patientId)) {
			throw DomainException.conflict("Only the appointment's patient can " + verb + " it");
		}
	}

	private void requireParticipant(CurrentUser actor) {
		if (!isParticipant(actor)) {
			throw DomainException.notFound("No such appointment");
		}
	}

	static String slotHold(String doctorId, Instant startsAt) {
		return doctorId + "|" + startsAt;
	}

	static String patientHold(String patientId, Instant startsAt) {
		return patientId + "|" + startsAt;
	}
}
