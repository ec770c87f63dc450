package com.healthconnect.notification;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.healthconnect.appointment.AppointmentBooked;
import com.healthconnect.appointment.AppointmentReminderDue;
import com.healthconnect.appointment.AppointmentRescheduled;
import com.healthconnect.appointment.AppointmentStatusChanged;
import com.healthconnect.appointment.AppointmentView;
import com.healthconnect.patient.PatientDirectory;

/**
 * Turns the appointment module's events into notifications for the participant who did not act. Titles and bodies
 * name the people and the time, never the reason for the visit or the notes: they may be e-mailed.
 */
@Component
class AppointmentNotifications {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

	private final Notifications notifications;
	private final PatientDirectory patients;

	AppointmentNotifications(Notifications notifications, PatientDirectory patients) {
		this.notifications = notifications;
		this.patients = patients;
	}

	@EventListener
	void booked(AppointmentBooked event) {
		AppointmentView a = event.appointment();
		toDoctor(a, "appointment-requested", "New appointment request",
				a.patient().name() + " asks for an appointment on " + when(a) + ".");
	}

	@EventListener
	void rescheduled(AppointmentRescheduled event) {
		AppointmentView a = event.appointment();
		toDoctor(a, "appointment-rescheduled", "Appointment moved",
				a.patient().name() + " moved their appointment to " + when(a) + ". Please accept or decline it.");
	}

	@EventListener
	void statusChanged(AppointmentStatusChanged event) {
		AppointmentView a = event.appointment();
		switch (a.status()) {
			case SCHEDULED -> toPatient(a, "appointment-scheduled", "Appointment confirmed",
					doctor(a) + " confirmed your appointment on " + patientWhen(a) + ".");
			case REJECTED -> toPatient(a, "appointment-rejected", "Appointment declined",
					doctor(a) + " could not take your appointment on " + patientWhen(a) + ".");
			case CANCELLED -> {
				if ("doctor".equals(a.cancelledBy())) {
					toPatient(a, "appointment-cancelled", "Appointment cancelled",
							doctor(a) + " cancelled your appointment on " + patientWhen(a) + reason(a));
				}
				else {
					toDoctor(a, "appointment-cancelled", "Appointment cancelled",
							a.patient().name() + " cancelled the appointment on " + when(a) + reason(a));
				}
			}
			case EXPIRED -> {
				toPatient(a, "appointment-expired", "Appointment request expired", "Your request to see " + doctor(a)
						+ " on " + patientWhen(a) + " was not answered in time. Please book another slot.");
				toDoctor(a, "appointment-expired", "Appointment request expired", "The request from "
						+ a.patient().name() + " for " + when(a) + " expired unanswered; the slot is free again.");
			}
			case COMPLETED -> toPatient(a, "appointment-completed", "Visit completed",
					"Your visit with " + doctor(a) + " on " + patientWhen(a) + " is complete. You can now leave a review.");
			default -> {
			}
		}
	}

	/** Keyed by the reminder's claim, so a redelivery after a crash writes (and mails) nothing twice. */
	@EventListener
	void reminder(AppointmentReminderDue event) {
		AppointmentView a = event.appointment();
		String in = in(event.before());
		String key = "appointment-reminder|" + a.id() + "|" + a.startsAt() + "|" + event.before();
		notifications.notify(new NewNotification(a.patient().id(), "appointment-reminder", "Appointment " + in,
				"Your appointment with " + doctor(a) + " starts " + in + ", on " + patientWhen(a) + ".", a.id(), key), a);
		notifications.notify(new NewNotification(a.doctor().id(), "appointment-reminder", "Appointment " + in,
				"Your appointment with " + a.patient().name() + " starts " + in + ", on " + when(a) + ".", a.id(), key),
				a);
	}

	private void toPatient(AppointmentView a, String type, String title, String body) {
		notifications.notify(new NewNotification(a.patient().id(), type, title, body, a.id()), a);
	}

	private void toDoctor(AppointmentView a, String type, String title, String body) {
		notifications.notify(new NewNotification(a.doctor().id(), type, title, body, a.id()), a);
	}

	private static String doctor(AppointmentView a) {
		String name = a.doctor().name();
		return name.startsWith("Dr") ? name : "Dr. " + name;
	}

	/** The appointment's time as the doctor reads it: in the appointment's (the doctor's) zone. */
	static String when(AppointmentView a) {
		return when(a, ZoneId.of(a.timeZone()));
	}

	static String when(AppointmentView a, ZoneId zone) {
		return WHEN.format(a.startsAt().atZone(zone)) + " (" + zone.getId() + ")";
	}

	/** The appointment's time as the patient reads it: in their own zone. */
	private String patientWhen(AppointmentView a) {
		return when(a, patients.timeZone(a.patient().id()));
	}

	/** The reason itself stays in the app (it may be medical, and notifications are e-mailed). */
	private static String reason(AppointmentView a) {
		return a.cancellationReason() == null ? "." : ". The reason is on the appointment.";
	}

	static String in(Duration before) {
		if (before.toHours() > 0 && before.toMinutesPart() == 0) {
			return "in " + before.toHours() + (before.toHours() == 1 ? " hour" : " hours");
		}
		return "in " + before.toMinutes() + " minutes";
	}
}
