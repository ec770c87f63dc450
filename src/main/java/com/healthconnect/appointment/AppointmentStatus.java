package com.healthconnect.appointment;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonValue;

/** Written in lower case on the wire and in the database: {@code pending, scheduled, rejected, cancelled, completed, expired}. */
public enum AppointmentStatus {

	PENDING, SCHEDULED, REJECTED, CANCELLED, COMPLETED, EXPIRED;

	/** The statuses in which an appointment occupies its slot (and its patient's time). */
	public static final Set<AppointmentStatus> HOLDING = EnumSet.of(PENDING, SCHEDULED, COMPLETED);

	@JsonValue
	public String json() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<AppointmentStatus> parse(String value) {
		return Arrays.stream(values()).filter(s -> s.json().equals(value)).findFirst();
	}

	public boolean holdsSlot() {
		return HOLDING.contains(this);
	}
}
