package com.healthconnect.appointment;

import java.time.LocalDate;

import com.healthconnect.doctor.ClockTime;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /api/appointments}: a slot of a doctor, by date and start time in the doctor's zone. Mode defaults to video. */
public record BookingRequest(@NotNull @Pattern(regexp = "^[0-9a-fA-F]{24}$", message = "must be a doctor id") String doctorId,
		@NotNull LocalDate date,
		@NotNull @Pattern(regexp = ClockTime.PATTERN, message = ClockTime.MESSAGE) String startTime,
		AppointmentMode mode, @Size(max = 1000) String reason) {
}
