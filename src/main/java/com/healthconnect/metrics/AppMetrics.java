package com.healthconnect.metrics;

import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.stereotype.Component;

import com.healthconnect.appointment.AppointmentBooked;
import com.healthconnect.appointment.AppointmentReminderDue;
import com.healthconnect.appointment.AppointmentStatusChanged;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The application's meters (Prometheus names in brackets):
 * <ul>
 * <li>{@code healthconnect.bookings} [{@code healthconnect_bookings_total}]: appointments booked; their latency is
 * Spring MVC's {@code http_server_requests_seconds{method="POST",uri="/api/appointments"}};</li>
 * <li>{@code healthconnect.appointments.status} {@code {status}}: status changes (scheduled, rejected, cancelled,
 * completed, expired);</li>
 * <li>{@code healthconnect.calls} {@code {outcome}}: calls ended, by outcome (see {@link #callEnded});</li>
 * <li>{@code healthconnect.realtime.sessions}: open realtime (STOMP) sessions on this instance, a gauge;</li>
 * <li>{@code healthconnect.reminders.sent}: appointment reminders sent;</li>
 * <li>{@code healthconnect.realtime.frames.relayed}: signaling and chat frames relayed (see {@link #frameRelayed}).
 * </li>
 * </ul>
 */
@Component
public class AppMetrics {

	private final MeterRegistry registry;
	private final Counter bookings;
	private final Counter reminders;
	private final Counter relayedFrames;

	AppMetrics(MeterRegistry registry, SimpUserRegistry users) {
		this.registry = registry;
		this.bookings = Counter.builder("healthconnect.bookings").description("Appointments booked")
			.register(registry);
		this.reminders = Counter.builder("healthconnect.reminders.sent")
			.description("Appointment reminders sent (each offset of each appointment once)").register(registry);
		this.relayedFrames = Counter.builder("healthconnect.realtime.frames.relayed")
			.description("Signaling and chat frames relayed between users").register(registry);
		Gauge.builder("healthconnect.realtime.sessions", users,
				u -> u.getUsers().stream().mapToInt(user -> user.getSessions().size()).sum())
			.description("Open realtime (STOMP) sessions on this instance").register(registry);
	}

	/** One call ended with {@code outcome} (completed, missed, rejected, failed…): for the call module to report. */
	public void callEnded(String outcome) {
		Counter.builder("healthconnect.calls").description("Calls ended, by outcome").tag("outcome", outcome)
			.register(registry).increment();
	}

	/** One frame relayed from one user to another: for the realtime relay to report. */
	public void frameRelayed() {
		relayedFrames.increment();
	}

	@EventListener
	void booked(AppointmentBooked event) {
		bookings.increment();
	}

	@EventListener
	void statusChanged(AppointmentStatusChanged event) {
		Counter.builder("healthconnect.appointments.status").description("Appointment status changes")
			.tag("status", event.appointment().status().json()).register(registry).increment();
	}

	@EventListener
	void reminded(AppointmentReminderDue event) {
		reminders.increment();
	}
}
