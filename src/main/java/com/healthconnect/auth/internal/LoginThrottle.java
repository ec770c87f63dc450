package com.healthconnect.auth.internal;

import java.time.Duration;

import org.springframework.stereotype.Component;

import com.healthconnect.platform.TooManyRequestsException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Throttles sign-in, sign-up and password-reset requests, shared by every instance through {@link AttemptCounters}.
 * <p>
 * Failed sign-ins are counted per e-mail <em>and</em> client address, so a stranger who types wrong passwords for
 * someone's e-mail pauses only their own address for it, never the real user elsewhere; and every sign-in attempt is
 * counted per client address, so one address cannot try passwords across many e-mails. The address is the socket's
 * peer, or the forwarded client when {@code server.forward-headers-strategy} says a proxy may be trusted.
 */
@Component
public class LoginThrottle {

	private final AttemptCounters counters;
	private final AuthProperties.Login login;
	private final ThrottleProperties limits;

	/** {@code healthconnect.sign-in.failures}: wrong passwords and second factors (Prometheus: {@code _total}). */
	private final Counter failures;

	LoginThrottle(AttemptCounters counters, AuthProperties properties, ThrottleProperties limits,
			MeterRegistry meters) {
		this.failures = Counter.builder("healthconnect.sign-in.failures")
			.description("Failed sign-ins: wrong password or second factor").register(meters);
		this.counters = counters;
		this.login = properties.login();
		this.limits = limits;
	}

	/** Before checking a password: refuses with 429 when this pair or this address has tried too often. */
	public void beforeSignIn(String email, String address) {
		String pair = pair(email, address);
		if (counters.count(pair) >= login.maxFailures()) {
			throw new TooManyRequestsException(
					"Too many failed sign-ins for this e-mail from your address; try again later",
					counters.untilWindowCloses(pair));
		}
		limit("login-address|" + address, limits.loginAttemptsPerAddress(), limits.loginAddressWindow(),
				"Too many sign-in attempts from your address; try again later");
	}

	/** Counts a failed sign-in and returns how many attempts this e-mail has left from this address. */
	public FailedSignIn recordFailure(String email, String address) {
		failures.increment();
		long failures = counters.increment(pair(email, address), login.window());
		return new FailedSignIn((int) Math.max(0, login.maxFailures() - failures), login.window());
	}

	public void recordSuccess(String email, String address) {
		counters.reset(pair(email, address));
	}

	/** One sign-up from this address; 429 past the limit. */
	public void signUp(String address) {
		limit("sign-up|" + address, limits.signUpsPerAddress(), limits.signUpWindow(),
				"Too many sign-ups from your address; try again later");
	}

	/**
	 * One password-reset request from this address (429 past the limit); returns whether a mail may go to this e-mail
	 * (false once it got its share in the window, which the caller does not reveal).
	 */
	public boolean passwordReset(String email, String address) {
		limit("reset-address|" + address, limits.passwordResetsPerAddress(), limits.passwordResetWindow(),
				"Too many password-reset requests from your address; try again later");
		return counters.increment("reset-email|" + email, limits.passwordResetWindow()) <= limits
			.passwordResetsPerEmail();
	}

	private void limit(String key, int max, Duration window, String refusal) {
		if (counters.increment(key, window) > max) {
			throw new TooManyRequestsException(refusal, counters.untilWindowCloses(key));
		}
	}

	private static String pair(String email, String address) {
		return "login-failures|" + email + "|" + address;
	}

	/** @param attemptsLeft before this e-mail pauses at this address for {@code pause} */
	public record FailedSignIn(int attemptsLeft, Duration pause) {
	}
}
