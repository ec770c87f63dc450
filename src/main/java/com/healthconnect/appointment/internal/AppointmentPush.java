package com.healthconnect.appointment.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.healthconnect.appointment.AppointmentEvent;
import com.healthconnect.realtime.UserSessions;

/** Booked, changed, rescheduled or reviewed: both participants' open sessions get the appointment JSON. */
@Component
class AppointmentPush {

	static final String QUEUE = "/queue/appointments";

	private final UserSessions sessions;

	AppointmentPush(UserSessions sessions) {
		this.sessions = sessions;
	}

	@EventListener
	void appointmentChanged(AppointmentEvent event) {
		sessions.toUser(event.doctorId(), QUEUE, event.appointment());
		sessions.toUser(event.patientId(), QUEUE, event.appointment());
	}
}
