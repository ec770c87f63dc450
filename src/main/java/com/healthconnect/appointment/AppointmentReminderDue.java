package com.healthconnect.appointment;

import java.time.Duration;

/** A scheduled appointment starts in {@code before}: both participants are reminded, once per offset. */
public record AppointmentReminderDue(String doctorId, String patientId, Duration before, AppointmentView appointment) {
}
