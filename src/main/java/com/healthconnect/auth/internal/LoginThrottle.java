package com.healthconnect.auth.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Counts failed logins per e-mail in a sliding window. After {@code maxFailures} in the window, further attempts for
 * that e-mail are refused until the oldest failure leaves the window, even with the right password.
 */
@Component
public class LoginThrottle {

	private final ConcurrentHashMap<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
	private final AuthProperties.Login limits;
	private final Clock clock;

	LoginThrottle(AuthProperties properties, Clock clock) {
		this.limits = properties.login();
		this.clock = clock;
	}

	/** How long the caller must wait, if this e-mail is locked out now. */
	public Optional<Duration> lockedFor(String email) {
		Instant now = clock.instant();
		Deque<Instant> recent = failures.get(email);
		if (recent == null) {
			return Optional.empty();
		}
		synchronized (recent) {
			prune(recent, now);
			if (recent.size() < limits.maxFailures()) {
				return Optional.empty();
			}
			return Optional.of(Duration.between(now, recent.peekFirst().plus(limits.window())));
		}
	}

	public void recordFailure(String email) {
		Instant now = clock.instant();
		Deque<Instant> recent = failures.computeIfAbsent(email, k -> new ArrayDeque<>());
		synchronized (recent) {
			prune(recent, now);
			recent.addLast(now);
		}
		if (failures.size() > 100_000) {
			failures.entrySet().removeIf(e -> {
				synchronized (e.getValue()) {
					prune(e.getValue(), now);
					return e.getValue().isEmpty();
				}
			});
		}
	}

	public void recordSuccess(String email) {
		failures.remove(email);
	}

	private void prune(Deque<Instant> recent, Instant now) {
		Instant cutoff = now.minus(limits.window());
		while (!recent.isEmpty() && !recent.peekFirst().isAfter(cutoff)) {
			recent.removeFirst();
		}
	}
}
