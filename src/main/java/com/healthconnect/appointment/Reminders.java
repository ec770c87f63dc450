package com.healthconnect.appointment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import com.healthconnect.appointment.internal.Appointment;
import com.healthconnect.appointment.internal.AppointmentStore;
import com.healthconnect.appointment.internal.ReminderClaims;

/**
 * Sends each scheduled appointment's reminders ({@code healthconnect.reminders.before}) exactly once per appointment,
 * start and offset. Nothing is held in memory: every run looks at what is due now and claims each reminder in MongoDB
 * ({@link ReminderClaims}), so a restart or a second instance neither loses nor repeats one. When several offsets are
 * due at once (the app was down, or the visit was booked late) only the nearest is sent; the others are claimed
 * silently. Cancelled and unanswered appointments get none; a rescheduled one is reminded of its new start.
 */
@Component
@EnableConfigurationProperties(ReminderProperties.class)
class Reminders {

	private final AppointmentStore store;
	private final ReminderClaims claims;
	private final Bookings bookings;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final List<Duration> offsets;

	Reminders(AppointmentStore store, ReminderClaims claims, Bookings bookings, ApplicationEventPublisher events,
			Clock clock, ReminderProperties properties) {
		this.store = store;
		this.claims = claims;
		this.bookings = bookings;
		this.events = events;
		this.clock = clock;
		this.offsets = properties.before().stream().filter(d -> !d.isNegative() && !d.isZero()).sorted().distinct().toList();
	}

	/** Returns how many reminders this run sent. */
	int sendDue() {
		if (offsets.isEmpty()) {
			return 0;
		}
		Instant now = clock.instant();
		Duration longest = offsets.get(offsets.size() - 1);
		int sent = 0;
		for (Appointment appointment : store.scheduledStartingBetween(now, now.plus(longest))) {
			List<Duration> due = offsets.stream()
				.filter(offset -> !now.isBefore(appointment.getStartsAt().minus(offset)))
				.sorted(Comparator.naturalOrder())
				.toList();
			for (Duration offset : due) {
				boolean claimed = claims.claim(appointment.getId(), appointment.getStartsAt(), offset.toString(), now);
				if (claimed && offset.equals(due.get(0))) {
					events.publishEvent(new AppointmentReminderDue(appointment.getDoctorId(),
							appointment.getPatientId(), offset, bookings.view(appointment)));
					sent++;
				}
			}
		}
		return sent;
	}
}
