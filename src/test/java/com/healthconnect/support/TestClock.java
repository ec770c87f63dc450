package com.healthconnect.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The application's clock in full-stack tests: the real time shifted by an offset a test may set, so a test places
 * "now" (15 minutes before a visit, the moment a reminder falls due) instead of waiting. Reset after each test that
 * moves it; tests share one application context.
 */
public class TestClock extends Clock {

	private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

	@Override
	public Instant instant() {
		return Instant.now().plus(offset.get());
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("the application clock stays in UTC");
	}

	/** From now on the clock reads about {@code now} and keeps ticking from there. */
	public void set(Instant now) {
		offset.set(Duration.between(Instant.now(), now));
	}

	public void advance(Duration by) {
		offset.updateAndGet(current -> current.plus(by));
	}

	public void reset() {
		offset.set(Duration.ZERO);
	}
}
