package com.healthconnect.notification;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.healthconnect.appointment.AppointmentView;
import com.healthconnect.appointment.CalendarFile;
import com.healthconnect.auth.AccountService;
import com.healthconnect.auth.AccountView;
import com.healthconnect.auth.CurrentUser;
import com.healthconnect.auth.Role;
import com.healthconnect.mail.Mailer;
import com.healthconnect.mail.OutgoingMail;
import com.healthconnect.patient.PatientDirectory;
import com.healthconnect.platform.DomainException;

/**
 * E-mails each new notification through the shared {@link Mailer}, unless the recipient turned e-mail off or no mail
 * server is configured. The mail repeats the notification (which names people and times, never a reason or notes),
 * links back to the app, and carries the appointment's ICS when a booking is confirmed or cancelled.
 */
@Component
class NotificationMail {

	private final Mailer mailer;
	private final Notifications notifications;
	private final AccountService accounts;
	private final Clock clock;
	private final PatientDirectory patients;

	NotificationMail(Mailer mailer, Notifications notifications, AccountService accounts, Clock clock,
			PatientDirectory patients) {
		this.patients = patients;
		this.mailer = mailer;
		this.notifications = notifications;
		this.accounts = accounts;
		this.clock = clock;
	}

	@EventListener
	void created(NotificationCreated event) {
		if (!mailer.enabled() || !notifications.emailOn(event.userId())) {
			return;
		}
		Optional<AccountView> account = account(event.userId());
		if (account.isEmpty() || account.get().email() == null) {
			return;
		}
		NotificationView n = event.notification();
		AppointmentView appointment = event.subject() instanceof AppointmentView a ? a : null;
		String subject = appointment == null ? n.title()
				: n.title() + ": " + AppointmentNotifications.when(appointment, zoneOf(account.get(), appointment));
		String link = mailer.link(appointment == null ? "/" : "/appointments");
		String text = "Hello " + account.get().name() + ",\n\n" + n.body() + "\n\nOpen Health-Connect: " + link
				+ "\n\nYou get these e-mails because of your Health-Connect account. To stop them, turn off e-mail in "
				+ "your notification settings: " + mailer.link("/notifications") + "\n";
		mailer.send(new OutgoingMail(account.get().email(), subject, text, null, attachments(n, appointment,
				new CurrentUser(account.get().id(), account.get().role()))));
	}

	private List<OutgoingMail.Attachment> attachments(NotificationView n, AppointmentView appointment,
			CurrentUser recipient) {
		if (appointment == null || !(n.type().equals("appointment-scheduled") || n.type().equals("appointment-cancelled")
				|| n.type().equals("appointment-requested"))) {
			return List.of();
		}
		String ics = CalendarFile.of(List.of(appointment), recipient, mailer.link(""), clock.instant());
		return List.of(new OutgoingMail.Attachment("appointment.ics", "text/calendar; charset=UTF-8",
				ics.getBytes(StandardCharsets.UTF_8)));
	}

	/** A patient reads times in their own zone, a doctor in the appointment's (their own). */
	private ZoneId zoneOf(AccountView recipient, AppointmentView appointment) {
		return recipient.role() == Role.PATIENT ? patients.timeZone(recipient.id()) : ZoneId.of(appointment.timeZone());
	}

	private Optional<AccountView> account(String userId) {
		for (Role role : List.of(Role.PATIENT, Role.DOCTOR)) {
			try {
				return Optional.of(accounts.me(new CurrentUser(userId, role)));
			}
			catch (DomainException | IllegalArgumentException notThisRole) {
				// try the other role
			}
		}
		return Optional.empty();
	}
}
