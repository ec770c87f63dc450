package com.healthconnect.doctor;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneRules;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Turns a weekly schedule (clock times in the doctor's zone) into instants on a given date.
 * <ul>
 * <li>A slot whose start or end falls into a spring-forward gap does not exist that day and is not offered.</li>
 * <li>A clock time in the repeated hour of a fall-back day means its first occurrence (the earlier, summer
 * offset), so every slot names exactly one instant; the second pass through that hour is not offered.</li>
 * </ul>
 */
public final class SlotCalendar {

	private SlotCalendar() {
	}

	public static List<SlotTime> slotsOn(List<ScheduleDay> schedule, ZoneId zone, LocalDate date) {
		return schedule.stream()
			.filter(day -> day.day() == date.getDayOfWeek())
			.flatMap(day -> day.slots().stream())
			.map(slot -> place(slot, zone, date))
			.flatMap(Optional::stream)
			.sorted(Comparator.comparing(SlotTime::startsAt))
			.toList();
	}

	static Optional<SlotTime> place(ScheduleSlot slot, ZoneId zone, LocalDate date) {
		Optional<Instant> start = instant(date, ClockTime.parse(slot.startTime()), zone);
		Optional<Instant> end = instant(date, ClockTime.parse(slot.endTime()), zone);
		if (start.isEmpty() || end.isEmpty() || !start.get().isBefore(end.get())) {
			return Optional.empty();
		}
		return Optional.of(new SlotTime(slot.slotNumber(), slot.startTime(), slot.endTime(), start.get(), end.get(),
				Boolean.TRUE.equals(slot.isAvailable())));
	}

	/** The instant a clock time names on a date, or empty when that clock time is skipped by a DST gap. */
	public static Optional<Instant> instant(LocalDate date, LocalTime time, ZoneId zone) {
		LocalDateTime local = LocalDateTime.of(date, time);
		ZoneRules rules = zone.getRules();
		if (rules.getValidOffsets(local).isEmpty()) {
			return Optional.empty();
		}
		// ofLocal with no preferred offset picks the earlier offset in an overlap
		return Optional.of(ZonedDateTime.ofLocal(local, zone, null).toInstant());
	}
}
