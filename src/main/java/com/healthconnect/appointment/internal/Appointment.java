package com.healthconnect.appointment.internal;

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
 * pending | scheduled → cancelled    (either participant)
 * scheduled → completed              (its doctor)
 * pending | scheduled → pending, at another slot (its patient: reschedule)
 * completed → reviewed, once         (its patient)
 * </pre>
 * Anything else is a 409 that says why.
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

	public void complete(CurrentUser actor, String comment, Instant now) {
		requireDoctor(actor, "complete");
		requireStatus(AppointmentStatus.SCHEDULED, "completed");
		moveTo(AppointmentStatus.COMPLETED, comment, now);
	}

	public void cancel(CurrentUser actor, String reason, Instant now) {
		requireParticipant(actor);
		requireActive("cancelled");
		moveTo(AppointmentStatus.CANCELLED, reason, now);
		release();
	}

	/** Moves to another slot of the same doctor and back to pending: the doctor has to accept the new time. */
	public void reschedule(CurrentUser actor, LocalDate date, String timeZone, SlotTime slot, Instant now) {
		checkReschedulable(actor);
		place(date, timeZone, slot);
		moveTo(AppointmentStatus.PENDING, null, now);
	}

	/** Lets the caller learn that a reschedule is refused before it looks for the new slot. */
	public void checkReschedulable(CurrentUser actor) {
		requirePatient(actor, "reschedule");
		requireActive("rescheduled");
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
