package com.healthconnect.doctor;

import java.time.Instant;

/**
 * One scheduled slot placed on a calendar date: its clock times in the doctor's zone and the instants they are.
 *
 * @param switchedOn the schedule's {@code isAvailable} flag
 */
public record SlotTime(int slotNumber, String startTime, String endTime, Instant startsAt, Instant endsAt,
		boolean switchedOn) {
}
