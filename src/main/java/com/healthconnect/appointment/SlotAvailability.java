package com.healthconnect.appointment;

import java.time.Instant;

/**
 * One slot of a doctor on a date; {@code available} is false when the slot is switched off, held by an appointment
 * (pending, scheduled, or completed), or has already begun.
 */
public record SlotAvailability(int slotNumber, String startTime, String endTime, Instant startsAt, Instant endsAt,
		boolean available) {
}
