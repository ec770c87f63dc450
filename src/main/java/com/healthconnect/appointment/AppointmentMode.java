package com.healthconnect.appointment;

import java.util.Arrays;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How the consultation happens: {@code "video"} or {@code "chat"}. */
public enum AppointmentMode {

	VIDEO, CHAT;

	@JsonValue
	public String json() {
		return name().toLowerCase(Locale.ROOT);
	}

	@JsonCreator
	public static AppointmentMode fromJson(String value) {
		return Arrays.stream(values())
			.filter(mode -> mode.json().equals(value))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("mode must be \"video\" or \"chat\""));
	}
}
