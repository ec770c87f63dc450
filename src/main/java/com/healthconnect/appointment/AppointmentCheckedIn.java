package com.healthconnect.appointment;

/** The patient checked in: they are in the doctor's waiting room. */
public record AppointmentCheckedIn(String doctorId, String patientId, AppointmentView appointment)
		implements AppointmentEvent {
}
