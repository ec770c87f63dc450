package com.healthconnect.doctor;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Dates (in the doctor's zone, both inclusive) on which the doctor offers no slot: a holiday, a conference. */
public record TimeOff(@NotNull LocalDate from, @NotNull LocalDate to, @Size(max = 200) String reason) {

	public boolean covers(LocalDate date) {
		return !date.isBefore(from) && !date.isAfter(to);
	}
}
