package com.healthconnect.doctor;

import java.time.LocalTime;

/** Clock times travel as {@code HH:mm} strings, exactly as the contract writes them. */
public final class ClockTime {

	public static final String PATTERN = "^([01][0-9]|2[0-3]):[0-5][0-9]$";
	public static final String MESSAGE = "must be a time HH:mm";

	private ClockTime() {
	}

	public static LocalTime parse(String value) {
		return LocalTime.parse(value);
	}

	public static String format(LocalTime time) {
		return String.format("%02d:%02d", time.getHour(), time.getMinute());
	}
}
