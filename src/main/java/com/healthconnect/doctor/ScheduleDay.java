package com.healthconnect.doctor;

import java.time.DayOfWeek;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** One weekday of a doctor's weekly schedule; slot times are clock times in the doctor's time zone. */
public record ScheduleDay(@NotNull DayOfWeek day, @NotNull @Size(max = 20) List<@Valid @NotNull ScheduleSlot> slots) {
}
