package com.healthconnect.doctor;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.healthconnect.platform.DomainException;
import com.healthconnect.platform.DomainException.FieldError;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * The weekly schedule's rules: each day at most once, at most 20 slots a day, start before end, no overlaps, slot
 * numbers unique within a day. Errors name the offending element by its path in the request body, the same way
 * Jackson's own errors do: {@code [2].day}, {@code [0].slots[1].endTime}, {@code [0].slots[3]} (a whole slot, for
 * an overlap or a repeated number).
 */
final class ScheduleRules {

	static final int MAX_SLOTS_PER_DAY = 20;

	private ScheduleRules() {
	}

	static void check(List<ScheduleDay> schedule, Validator validator) {
		if (schedule == null) {
			throw DomainException.invalidField("body", "must be a list of days");
		}
		List<FieldError> errors = new ArrayList<>();
		Map<DayOfWeek, Integer> seen = new EnumMap<>(DayOfWeek.class);
		for (int d = 0; d < schedule.size(); d++) {
			ScheduleDay day = schedule.get(d);
			String dayPath = "[" + d + "]";
			if (day == null) {
				errors.add(new FieldError(dayPath, "must not be null"));
				continue;
			}
			for (ConstraintViolation<ScheduleDay> v : validator.validate(day)) {
				errors.add(new FieldError(dayPath + "." + beanPath(v.getPropertyPath().toString()), v.getMessage()));
			}
			if (day.day() != null) {
				Integer first = seen.putIfAbsent(day.day(), d);
				if (first != null) {
					errors.add(new FieldError(dayPath + ".day", day.day() + " already appears at [" + first + "]"));
				}
			}
			if (day.slots() != null && day.slots().size() <= MAX_SLOTS_PER_DAY) {
				checkSlots(day.slots(), dayPath, errors);
			}
		}
		if (!errors.isEmpty()) {
			throw DomainException.invalidFields("The schedule is invalid: " + errors.get(0).field() + " "
					+ errors.get(0).message(), errors);
		}
	}

	private static void checkSlots(List<ScheduleSlot> slots, String dayPath, List<FieldError> errors) {
		record Placed(int index, LocalTime start, LocalTime end) {
		}
		List<Placed> placed = new ArrayList<>();
		Set<Integer> numbers = new HashSet<>();
		for (int s = 0; s < slots.size(); s++) {
			ScheduleSlot slot = slots.get(s);
			String slotPath = dayPath + ".slots[" + s + "]";
			if (slot == null) {
				continue; // reported by bean validation
			}
			if (slot.slotNumber() != null && !numbers.add(slot.slotNumber())) {
				errors.add(new FieldError(slotPath + ".slotNumber", "slot number " + slot.slotNumber()
						+ " is used twice on this day"));
			}
			if (!isClockTime(slot.startTime()) || !isClockTime(slot.endTime())) {
				continue; // reported by bean validation
			}
			LocalTime start = ClockTime.parse(slot.startTime());
			LocalTime end = ClockTime.parse(slot.endTime());
			if (!start.isBefore(end)) {
				errors.add(new FieldError(slotPath + ".endTime", "must be after startTime " + slot.startTime()));
				continue;
			}
			for (Placed other : placed) {
				if (start.isBefore(other.end()) && other.start().isBefore(end)) {
					errors.add(new FieldError(slotPath, "overlaps " + dayPath + ".slots[" + other.index() + "] ("
							+ ClockTime.format(other.start()) + "–" + ClockTime.format(other.end()) + ")"));
				}
			}
			placed.add(new Placed(s, start, end));
		}
	}

	private static boolean isClockTime(String value) {
		return value != null && value.matches(ClockTime.PATTERN);
	}

	/** Hibernate Validator writes {@code slots[1].endTime}; a container element alone is {@code slots[1].<list element>}. */
	private static String beanPath(String path) {
		return path.replace(".<list element>", "");
	}
}
