package com.healthconnect.appointment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import com.healthconnect.appointment.internal.Appointment;
import com.healthconnect.appointment.internal.AppointmentStore;
import com.healthconnect.appointment.internal.ReminderClaims;

/**
 * Sends each scheduled appointment's reminders ({@code healthconnect.reminders.before}) exactly once per appointment,
 * start and offset. Nothing is held in memory: every run looks at what is due now and claims each reminder in MongoDB
 * ({@link ReminderClaims}), so a restart or a second instance neither loses nor repeats one. A claim is marked sent
 * once the notifications are written; one left claimed past its lease (the instance died in between) is delivered
 * again by the next run on any instance, and the notifications' ids, derived from the claim, keep that redelivery from
 * adding a second one. When several offsets are due at once (the app was down, or the visit was booked late) only the
 * nearest is sent; the others are claimed as skipped. Cancelled and unanswered appointments get none; a rescheduled one
 * is reminded of its new start.
 */
@Component
@EnableConfigurationProperties(ReminderProperties.class)
class Reminders {

	private static final Logger log = LoggerFactory.getLogger(Reminders.class);

	private final AppointmentStore store;
	private final ReminderClaims claims;
	private final Bookings bookings;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final List<Duration> offsets;
	private final Duration lease;

	Reminders(AppointmentStore store, ReminderClaims claims, Bookings bookings, ApplicationEventPublisher events,
			Clock clock, ReminderProperties properties) {
		this.store = store;
		this.claims = claims;
		this.bookings = bookings;
		this.events = events;
		this.clock = clock;
		this.offsets = properties.before().stream().filter(d -> !d.isNegative() && !d.isZero()).sorted().distinct().toList();
		this.lease = properties.lease();
	}

	/** Returns how many reminders this run delivered (redeliveries included). */
	int sendDue() {
		Instant now = clock.instant();
		int sent = redeliverStale(now);
		if (offsets.isEmpty()) {
			return sent;
		}
		Duration longest = offsets.get(offsets.size() - 1);
		for (Appointment appointment : store.scheduledStartingBetween(now, now.plus(longest))) {
			List<Duration> due = offsets.stream()
				.filter(offset -> !now.isBefore(appointment.getStartsAt().minus(offset)))
				.toList();
			if (due.isEmpty()) {
				continue;
			}
			Duration nearest = due.get(0);
			for (Duration farther : due.subList(1, due.size())) {
				claims.skip(appointment.getId(), appointment.getStartsAt(), farther.toString(), now);
			}
			if (claims.claim(appointment.getId(), appointment.getStartsAt(), nearest.toString(), now)
					&& deliver(appointment, nearest)) {
				sent++;
			}
		}
		return sent;
	}

	/** Claims whose deliverer died before marking them sent: delivered again, unless the visit moved or ended. */
	private int redeliverStale(Instant now) {
		int sent = 0;
		for (Optional<ReminderClaims.Stale> next = claims.takeOverStale(now, lease); next.isPresent();
				next = claims.takeOverStale(now, lease)) {
			ReminderClaims.Stale stale = next.get();
			Optional<Appointment> still = store.find(stale.appointmentId())
				.filter(a -> a.status() == AppointmentStatus.SCHEDULED && a.getStartsAt().equals(stale.startsAt())
						&& now.isBefore(a.getStartsAt()));
			if (still.isEmpty()) {
				claims.sent(stale.appointmentId(), stale.startsAt(), stale.offset());
			}
			else if (deliver(still.get(), Duration.parse(stale.offset()))) {
				sent++;
			}
		}
		return sent;
	}

	/** Writes the reminder's notifications, then marks the claim sent; a failure leaves it for a redelivery. */
	private boolean deliver(Appointment appointment, Duration offset) {
		try {
			events.publishEvent(new AppointmentReminderDue(appointment.getDoctorId(), appointment.getPatientId(), offset,
					bookings.view(appointment)));
		}
		catch (RuntimeException ex) {
			log.warn("Reminder {} for appointment {} not delivered, retried after {}: {}", offset, appointment.getId(),
					lease, ex.toString());
			return false;
		}
		claims.sent(appointment.getId(), appointment.getStartsAt(), offset.toString());
		return true;
	}
}
