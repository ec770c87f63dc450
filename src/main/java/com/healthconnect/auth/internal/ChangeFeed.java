package com.healthconnect.auth.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.TaskScheduler;

/**
 * Follows what other instances write to one shared collection, so that a check per request can be a lookup in
 * memory: every {@code interval}, on Boot's {@link TaskScheduler}, it reads the documents changed since the newest one
 * seen (everything, the first time), with a generous overlap for clocks that differ between instances and for late
 * writes, and hands each to {@code apply}. Memory is to be trusted only while {@link #isFresh()}: should the reads stop
 * succeeding for three intervals (the database is unreachable), callers ask the database directly, so a stale memory
 * never lets anything through for longer than that.
 *
 * @param <T> the stored document
 */
final class ChangeFeed<T> {

	private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);

	/** Re-read changes this much older than the newest seen. */
	static final Duration OVERLAP = Duration.ofSeconds(30);

	private final String what;
	private final Duration interval;
	private final Clock clock;
	private final Function<Instant, List<T>> changedSince;
	private final Function<T, Instant> changedAt;
	private final Consumer<T> apply;
	/** Newest change read so far; null until the first full read. */
	private volatile Instant newestSeen;
	private volatile long lastReadNanos;
	private ScheduledFuture<?> task;

	/**
	 * @param what the collection's contents in words, for the log line when a read fails
	 * @param changedSince the documents changed at or after the instant given (all of them for {@code null})
	 */
	ChangeFeed(String what, Duration interval, Clock clock, Function<Instant, List<T>> changedSince,
			Function<T, Instant> changedAt, Consumer<T> apply) {
		this.what = what;
		this.interval = interval;
		this.clock = clock;
		this.changedSince = changedSince;
		this.changedAt = changedAt;
		this.apply = apply;
	}

	/** From now on reads the changes every interval; {@link #readNow()} reads at once. */
	void follow(TaskScheduler scheduler) {
		task = scheduler.scheduleWithFixedDelay(this::readQuietly, scheduler.getClock().instant().plus(interval),
				interval);
	}

	void stop() {
		if (task != null) {
			task.cancel(false);
		}
	}

	boolean isFresh() {
		return System.nanoTime() - lastReadNanos <= interval.multipliedBy(3).toNanos();
	}

	void readNow() {
		Instant since = newestSeen;
		Instant newest = since;
		for (T changed : changedSince.apply(since == null ? null : since.minus(OVERLAP))) {
			apply.accept(changed);
			Instant at = changedAt.apply(changed);
			if (at != null && (newest == null || at.isAfter(newest))) {
				newest = at;
			}
		}
		newestSeen = newest != null ? newest : clock.instant().minus(OVERLAP);
		lastReadNanos = System.nanoTime();
	}

	private void readQuietly() {
		try {
			readNow();
		}
		catch (RuntimeException ex) {
			log.warn("Could not read {}; checks ask the database directly until this works again: {}", what,
					ex.toString());
		}
	}
}
