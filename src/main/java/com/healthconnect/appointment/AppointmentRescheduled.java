package com.healthconnect.appointment;

import java.time.Instant;

/** The patient moved an appointment to another slot; it is pending again. */
public record AppointmentRescheduled(String doctorId, String patientId, Instant previousStartsAt,
		AppointmentView appointment) implements AppointmentEvent {
}
