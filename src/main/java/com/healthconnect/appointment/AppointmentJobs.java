package com.healthconnect.appointment;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The appointment module's periodic work, on Boot's scheduler; each run claims its changes in MongoDB. */
@Component
class AppointmentJobs {

	private final Bookings bookings;
	private final Reminders reminders;

	AppointmentJobs(Bookings bookings, Reminders reminders) {
		this.bookings = bookings;
		this.reminders = reminders;
	}

	@Scheduled(initialDelayString = "${healthconnect.appointments.sweep-interval:30s}",
			fixedDelayString = "${healthconnect.appointments.sweep-interval:30s}")
	void sweep() {
		bookings.expireUnanswered();
		reminders.sendDue();
	}
}
