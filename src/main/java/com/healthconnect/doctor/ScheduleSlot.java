package com.healthconnect.doctor;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A recurring slot: {@code HH:mm} to {@code HH:mm}, switched on or off. */
public record ScheduleSlot(@NotNull @Min(1) @Max(1000) Integer slotNumber,
		@NotNull @Pattern(regexp = ClockTime.PATTERN, message = ClockTime.MESSAGE) String startTime,
		@NotNull @Pattern(regexp = ClockTime.PATTERN, message = ClockTime.MESSAGE) String endTime,
		@NotNull Boolean isAvailable) {
}
