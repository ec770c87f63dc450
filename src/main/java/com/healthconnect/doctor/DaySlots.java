package com.healthconnect.doctor;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A doctor's slots on one date in their own time zone, earliest first; {@code timeOff} when the doctor is away that
 * date (the slots are listed but none is offered), and the doctor's booking {@code policy}.
 */
public record DaySlots(String doctorId, String timeZone, LocalDate date, List<SlotTime> slots, boolean timeOff,
		BookingPolicy policy) {

	public Optional<SlotTime> startingAt(String startTime) {
		return slots.stream().filter(slot -> slot.startTime().equals(startTime)).findFirst();
	}
}
