package com.healthconnect.appointment;

/** A patient booked an appointment; it is pending. */
public record AppointmentBooked(String doctorId, String patientId, AppointmentView appointment)
		implements AppointmentEvent {
}
