package com.healthconnect.auth;

import java.util.Arrays;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The kinds of account; written {@code "doctor"}, {@code "patient"} and {@code "operator"} on the wire. */
public enum Role {

	DOCTOR, PATIENT, OPERATOR;

	@JsonValue
	public String json() {
		return name().toLowerCase(Locale.ROOT);
	}

	@JsonCreator
	public static Role fromJson(String value) {
		return Arrays.stream(values())
			.filter(role -> role.json().equals(value))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("role must be \"doctor\", \"patient\" or \"operator\""));
	}

	/** The Spring Security authority, {@code ROLE_DOCTOR} or {@code ROLE_PATIENT}. */
	public String authority() {
		return "ROLE_" + name();
	}
}
