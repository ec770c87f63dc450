package com.healthconnect.doctor;

import java.util.Arrays;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where a doctor stands with the operators: only {@code verified} doctors are listed and bookable. */
public enum Verification {

	PENDING, VERIFIED, REJECTED;

	@JsonValue
	public String json() {
		return name().toLowerCase(Locale.ROOT);
	}

	@JsonCreator
	public static Verification fromJson(String value) {
		return Arrays.stream(values())
			.filter(v -> v.json().equals(value))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("verification must be pending, verified or rejected"));
	}
}
