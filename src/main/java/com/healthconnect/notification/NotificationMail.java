package com.healthconnect.notification;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.healthconnect.appointment.AppointmentView;
import com.healthconnect.appointment.CalendarFile;
import com.healthconnect.auth.AccountService;
import com.healthconnect.auth.AccountView;
import com.healthconnect.auth.CurrentUser;
import com.healthconnect.auth.Role;
import com.healthconnect.mail.Mailer;
import com.healthconnect.notification.internal.Notification.MailDraft;
import com.healthconnect.notification.internal.NotificationStore;
import com.healthconnect.patient.PatientDirectory;
import com.healthconnect.platform.DomainException;

/**
 * Renders the e-mail of a new notification, unless the recipient turned e-mail off or no mail server is configured.
 * The mail repeats the notification (which names people and times, never a reason or notes), links back to the app,
 * and carries the appointment's ICS when a booking is requested, confirmed or cancelled. It is rendered when the
 * notification is made and stored with it; {@link MailOutbox} sends it.
 */
@Component
class NotificationMail {

	private final Mailer mailer;
	private final NotificationStore store;
	private final AccountService accounts;
	private final Clock clock;
	private final PatientDirectory patients;

	NotificationMail(Mailer mailer, NotificationStore store, AccountService accounts, Clock clock,
			PatientDirectory patients) {
		this.patients = patients;
		this.mailer = mailer;
		this.store = store;
		this.accounts = accounts;
		this.clock = clock;
	}

	/** The mail for this notification, or none (mail off, opted out, no address). */
	Optional<MailDraft> render(String userId, NotificationView n, Object about) {
		if (!mailer.enabled() || !store.emailOn(userId)) {
			return Optional.empty();
		}
		Optional<AccountView> account = account(userId);
		if (account.isEmpty() || account.get().email() == null) {
			return Optional.empty();
		}
		AppointmentView appointment = about instanceof AppointmentView a ? a : null;
		String subject = appointment == null ? n.title()
				: n.title() + ": " + AppointmentNotifications.when(appointment, zoneOf(account.get(), appointment));
		String link = mailer.link(appointment == null ? "/" : "/appointments");
		String text = "Hello " + account.get().name() + ",\n\n" + n.body() + "\n\nOpen Health-Connect: " + link
				+ "\n\nYou get these e-mails because of your Health-Connect account. To stop them, turn off e-mail in "
				+ "your notification settings: " + mailer.link("/notifications") + "\n";
		return Optional.of(new MailDraft(account.get().email(), subject, text, calendar(n, appointment,
				new CurrentUser(account.get().id(), account.get().role()))));
	}

	private String calendar(NotificationView n, AppointmentView appointment, CurrentUser recipient) {
		if (appointment == null || !(n.type().equals("appointment-scheduled") || n.type().equals("appointment-cancelled")
				|| n.type().equals("appointment-requested"))) {
			return null;
		}
		return CalendarFile.of(List.of(appointment), recipient, mailer.link(""), clock.instant());
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
