package com.healthconnect.doctor;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.healthconnect.platform.DomainException;
import com.healthconnect.platform.DomainException.FieldError;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

class ScheduleRulesTest {

	static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

	@Test
	void aValidSchedulepasses() {
		assertThatCode(() -> ScheduleRules.check(List.of(
				new ScheduleDay(DayOfWeek.MONDAY, List.of(slot(1, "09:00", "09:30"), slot(2, "09:30", "10:00"))),
				new ScheduleDay(DayOfWeek.FRIDAY, List.of())), VALIDATOR)).doesNotThrowAnyException();
	}

	@Test
	void endBeforeStartNamesTheEndTime() {
		assertErrors(List.of(new ScheduleDay(DayOfWeek.MONDAY,
				List.of(slot(1, "09:00", "09:30"), slot(2, "11:00", "10:00")))), "[0].slots[1].endTime");
	}

	@Test
	void overlappingSlotsNameTheLaterSlot() {
		assertErrors(List.of(new ScheduleDay(DayOfWeek.TUESDAY,
				List.of(slot(1, "09:00", "10:00"), slot(2, "09:30", "10:30")))), "[0].slots[1]");
	}

	@Test
	void aDayTwiceNamesTheSecondDay() {
		assertErrors(List.of(new ScheduleDay(DayOfWeek.MONDAY, List.of()), new ScheduleDay(DayOfWeek.MONDAY, List.of())),
				"[1].day");
	}

	@Test
	void moreThanTwentySlotsNamesTheSlotsList() {
		List<ScheduleSlot> slots = new ArrayList<>();
		for (int i = 0; i < 21; i++) {
			slots.add(slot(i + 1, String.format("%02d:00", i), String.format("%02d:30", i)));
		}
		assertErrors(List.of(new ScheduleDay(DayOfWeek.MONDAY, slots)), "[0].slots");
	}

	@Test
	void badTimesAndRepeatedNumbersAreNamed() {
		assertErrors(List.of(new ScheduleDay(DayOfWeek.MONDAY,
				List.of(slot(1, "9:00", "09:30"), slot(1, "10:00", "10:30")))), "[0].slots[0].startTime",
				"[0].slots[1].slotNumber");
	}

	private static void assertErrors(List<ScheduleDay> schedule, String... fields) {
		assertThatThrownBy(() -> ScheduleRules.check(schedule, VALIDATOR)).isInstanceOfSatisfying(
				DomainException.class,
				ex -> org.assertj.core.api.Assertions.assertThat(ex.errors()).extracting(FieldError::field)
					.containsExactlyInAnyOrder(fields));
	}

	private static ScheduleSlot slot(int number, String start, String end) {
		return new ScheduleSlot(number, start, end, true);
	}
}
