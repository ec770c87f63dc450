package com.healthconnect.appointment;

/** An appointment was accepted, rejected, completed or cancelled. */
public record AppointmentStatusChanged(String doctorId, String patientId, AppointmentStatus from,
		AppointmentView appointment) implements AppointmentEvent {
}
