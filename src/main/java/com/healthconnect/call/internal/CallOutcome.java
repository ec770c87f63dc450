package com.healthconnect.call.internal;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How a call ended: {@code completed} (answered, then hung up or disconnected), {@code missed} (never answered: no
 * answer in time, or the caller gave up), {@code rejected} (the callee declined), {@code failed} (could not ring: the
 * callee was offline or busy).
 */
public enum CallOutcome {

	COMPLETED, MISSED, REJECTED, FAILED;

	@JsonValue
	public String json() {
		return name().toLowerCase(Locale.ROOT);
	}
}
