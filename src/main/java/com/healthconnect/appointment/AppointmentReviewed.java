package com.healthconnect.appointment;

/** The patient reviewed a completed appointment. */
public record AppointmentReviewed(String doctorId, String patientId, AppointmentView appointment)
		implements AppointmentEvent {
}
