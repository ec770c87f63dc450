package com.healthconnect.appointment;

import java.time.LocalDate;

import com.healthconnect.doctor.ClockTime;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** {@code POST /api/appointments/{id}/reschedule}: another slot of the same doctor. */
public record RescheduleRequest(@NotNull LocalDate date,
		@NotNull @Pattern(regexp = ClockTime.PATTERN, message = ClockTime.MESSAGE) String startTime) {
}
