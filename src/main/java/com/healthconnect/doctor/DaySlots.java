package com.healthconnect.doctor;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** A doctor's slots on one date in their own time zone, earliest first. */
public record DaySlots(String doctorId, String timeZone, LocalDate date, List<SlotTime> slots) {

	public Optional<SlotTime> startingAt(String startTime) {
		return slots.stream().filter(slot -> slot.startTime().equals(startTime)).findFirst();
	}
}
