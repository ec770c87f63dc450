package com.healthconnect.appointment;

/**
 * Something happened to an appointment: booked, status changed, rescheduled or reviewed. Both participants are told
 * (the realtime module turns these into {@code /user/queue/appointments} pushes).
 */
public interface AppointmentEvent {

	String doctorId();

	String patientId();

	/** The appointment JSON as the API returns it. */
	Object appointment();
}
