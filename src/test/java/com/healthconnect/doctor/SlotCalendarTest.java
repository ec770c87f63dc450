package com.healthconnect.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** DST transition days in two zones: skipped clock times are not offered, repeated ones mean the first pass. */
class SlotCalendarTest {

	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
	static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	/** Every Sunday: half-hour slots from 01:00 to 03:30, and 09:00. All four transition days are Sundays. */
	static final List<ScheduleDay> SUNDAYS = List.of(new ScheduleDay(DayOfWeek.SUNDAY, List.of(
			slot(1, "01:00", "01:30"), slot(2, "01:30", "02:00"), slot(3, "02:00", "02:30"),
			slot(4, "02:30", "03:00"), slot(5, "03:00", "03:30"), slot(6, "09:00", "09:30"))));

	@Test
	void newYorkSpringForwardSkipsTheMissingHour() {
		Map<String, SlotTime> slots = slots(NEW_YORK, LocalDate.of(2026, 3, 8));
		// 02:00–02:59 do not exist; a slot that starts or ends there is not offered
		assertThat(slots).containsOnlyKeys("01:00", "03:00", "09:00");
		assertThat(slots.get("01:00").startsAt()).isEqualTo(Instant.parse("2026-03-08T06:00:00Z")); // EST
		assertThat(slots.get("03:00").startsAt()).isEqualTo(Instant.parse("2026-03-08T07:00:00Z")); // EDT
		assertThat(slots.get("09:00").startsAt()).isEqualTo(Instant.parse("2026-03-08T13:00:00Z"));
		assertThat(slots.get("09:00").endsAt()).isEqualTo(Instant.parse("2026-03-08T13:30:00Z"));
	}

	@Test
	void newYorkFallBackUsesTheFirstPassThroughTheRepeatedHour() {
		Map<String, SlotTime> slots = slots(NEW_YORK, LocalDate.of(2026, 11, 1));
		assertThat(slots).containsOnlyKeys("01:00", "01:30", "02:00", "02:30", "03:00", "09:00");
		assertThat(slots.get("01:00").startsAt()).isEqualTo(Instant.parse("2026-11-01T05:00:00Z")); // EDT, first pass
		assertThat(slots.get("01:30").startsAt()).isEqualTo(Instant.parse("2026-11-01T05:30:00Z"));
		// 02:00 comes after the repeated hour: the slot 01:30–02:00 spans it
		assertThat(slots.get("01:30").endsAt()).isEqualTo(Instant.parse("2026-11-01T07:00:00Z"));
		assertThat(slots.get("02:00").startsAt()).isEqualTo(Instant.parse("2026-11-01T07:00:00Z")); // EST
		assertThat(slots.get("09:00").startsAt()).isEqualTo(Instant.parse("2026-11-01T14:00:00Z"));
	}

	@Test
	void berlinSpringForwardSkipsTheMissingHour() {
		Map<String, SlotTime> slots = slots(BERLIN, LocalDate.of(2026, 3, 29));
		assertThat(slots).containsOnlyKeys("01:00", "03:00", "09:00");
		assertThat(slots.get("01:00").startsAt()).isEqualTo(Instant.parse("2026-03-29T00:00:00Z")); // CET
		assertThat(slots.get("03:00").startsAt()).isEqualTo(Instant.parse("2026-03-29T01:00:00Z")); // CEST
		assertThat(slots.get("09:00").startsAt()).isEqualTo(Instant.parse("2026-03-29T07:00:00Z"));
	}

	@Test
	void berlinFallBackUsesTheFirstPassThroughTheRepeatedHour() {
		Map<String, SlotTime> slots = slots(BERLIN, LocalDate.of(2026, 10, 25));
		assertThat(slots).containsOnlyKeys("01:00", "01:30", "02:00", "02:30", "03:00", "09:00");
		assertThat(slots.get("01:00").startsAt()).isEqualTo(Instant.parse("2026-10-24T23:00:00Z"));
		assertThat(slots.get("02:00").startsAt()).isEqualTo(Instant.parse("2026-10-25T00:00:00Z")); // CEST, first pass
		assertThat(slots.get("02:30").startsAt()).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
		assertThat(slots.get("02:30").endsAt()).isEqualTo(Instant.parse("2026-10-25T02:00:00Z")); // 03:00 CET
		assertThat(slots.get("03:00").startsAt()).isEqualTo(Instant.parse("2026-10-25T02:00:00Z"));
		assertThat(slots.get("09:00").startsAt()).isEqualTo(Instant.parse("2026-10-25T08:00:00Z"));
	}

	@Test
	void anOrdinaryDayOffersEverySlotInOrderAndOtherWeekdaysNone() {
		List<SlotTime> slots = SlotCalendar.slotsOn(SUNDAYS, NEW_YORK, LocalDate.of(2026, 6, 7));
		assertThat(slots).extracting(SlotTime::startTime)
			.containsExactly("01:00", "01:30", "02:00", "02:30", "03:00", "09:00");
		assertThat(slots.get(0).startsAt()).isEqualTo(Instant.parse("2026-06-07T05:00:00Z"));
		assertThat(SlotCalendar.slotsOn(SUNDAYS, NEW_YORK, LocalDate.of(2026, 6, 8))).isEmpty();
	}

	@Test
	void switchedOffSlotsAreListedButMarked() {
		List<ScheduleDay> schedule = List.of(new ScheduleDay(DayOfWeek.MONDAY,
				List.of(new ScheduleSlot(1, "10:00", "10:30", false))));
		assertThat(SlotCalendar.slotsOn(schedule, BERLIN, LocalDate.of(2026, 6, 8)))
			.singleElement().satisfies(slot -> assertThat(slot.switchedOn()).isFalse());
	}

	private static Map<String, SlotTime> slots(ZoneId zone, LocalDate date) {
		return SlotCalendar.slotsOn(SUNDAYS, zone, date).stream()
			.collect(Collectors.toMap(SlotTime::startTime, Function.identity()));
	}

	static ScheduleSlot slot(int number, String start, String end) {
		return new ScheduleSlot(number, start, end, true);
	}
}
