package com.healthconnect.call.internal;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How a call ended: {@code completed} (answered, then hung up or disconnected), {@code missed} (never answered: no
 * answer in time, or the caller gave up), {@code rejected} (the callee declined), {@code failed} (could not ring: the
 * callee was offline or busy), {@code dropped} (answered, then a party's connection dropped and it did not rejoin within
 * the grace).
 */
public enum CallOutcome {

	COMPLETED, MISSED, REJECTED, FAILED, DROPPED;

	@JsonValue
	public String json() {
		return name().toLowerCase(Locale.ROOT);
	}
}
