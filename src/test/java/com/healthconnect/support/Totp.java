package com.healthconnect.support;

import java.security.InvalidKeyException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.codec.binary.Base32;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;

/** What an authenticator app does in tests: the RFC 6238 code of a Base32 secret at an instant. */
public final class Totp {

	private static final TimeBasedOneTimePasswordGenerator TOTP = new TimeBasedOneTimePasswordGenerator(
			Duration.ofSeconds(30));

	private Totp() {
	}

	public static String code(String secret, Instant at) {
		try {
			return TOTP.generateOneTimePasswordString(new SecretKeySpec(new Base32().decode(secret), TOTP.getAlgorithm()),
					at, Locale.ROOT);
		}
		catch (InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Turns two-factor sign-in on for the signed-in client with the app's current code; returns the secret. Later
	 * sign-ins take {@link #nextCode}: the current step's code is used up.
	 */
	public static String enrol(ApiClient client) {
		ApiClient.Response setup = client.post("/api/auth/two-factor/setup", java.util.Map.of());
		if (setup.status() != 200) {
			throw new IllegalStateException("setup failed: " + setup.status() + " " + setup.body());
		}
		String secret = setup.json().get("secret").asString();
		ApiClient.Response enabled = client.post("/api/auth/two-factor/enable",
				java.util.Map.of("code", code(secret, Instant.now())));
		if (enabled.status() != 200) {
			throw new IllegalStateException("enable failed: " + enabled.status() + " " + enabled.body());
		}
		return secret;
	}

	/** The next step's code (accepted for clock drift), so it is unused even right after enrolling. */
	public static String nextCode(String secret) {
		return code(secret, Instant.now().plusSeconds(30));
	}
}
