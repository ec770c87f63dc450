package com.healthconnect.auth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.codec.binary.Base32;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import com.healthconnect.auth.internal.TwoFactorStore;
import com.healthconnect.auth.internal.TwoFactorStore.TwoFactor;
import com.healthconnect.platform.DomainException;

/**
 * Two-factor sign-in with an authenticator app: TOTP codes (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps, computed
 * by {@code java-otp}) and ten single-use recovery codes, stored only as SHA-256 hashes. Optional for patients and
 * doctors, required for operators (who may not use the operator API until enrolled, and cannot turn it off).
 * <p>
 * A code is accepted for the step before, the current and the next step (clocks drift), and each step only once: a
 * code seen on the wire cannot be replayed. Wrong codes at sign-in count as failed sign-ins (see
 * {@link AccountService#login}).
 */
@Service
public class TwoFactorAuth {

	static final String ISSUER = "Health-Connect";
	private static final Duration STEP = Duration.ofSeconds(30);
	private static final int RECOVERY_CODES = 10;
	private static final SecureRandom RANDOM = new SecureRandom();

	private final TwoFactorStore store;
	private final PasswordCheck passwordCheck;
	private final List<AccountStore> accounts;
	private final Clock clock;
	private final TimeBasedOneTimePasswordGenerator totp = new TimeBasedOneTimePasswordGenerator(STEP);

	TwoFactorAuth(TwoFactorStore store, PasswordCheck passwordCheck, List<AccountStore> accounts, Clock clock) {
		this.store = store;
		this.passwordCheck = passwordCheck;
		this.accounts = accounts;
		this.clock = clock;
	}

	public Status status(CurrentUser user) {
		TwoFactor state = store.find(user.id());
		boolean enabled = state != null && state.enabled();
		return new Status(enabled, enabled ? state.recoveryCodesLeft() : 0, user.isOperator());
	}

	public boolean isEnabled(String userId) {
		TwoFactor state = store.find(userId);
		return state != null && state.enabled();
	}

	/** A new secret to put into the authenticator app; it takes effect once a code from it is confirmed. */
	public Enrolment setUp(CurrentUser user) {
		if (isEnabled(user.id())) {
			throw DomainException.conflict("Two-factor sign-in is already on; turn it off first to use another app");
		}
		byte[] key = new byte[20];
		RANDOM.nextBytes(key);
		String secret = new Base32().encodeAsString(key).replace("=", "");
		try {
			store.startEnrolment(user.id(), secret, clock.instant());
		}
		catch (DuplicateKeyException ex) {
			throw DomainException.conflict("Two-factor sign-in is already on; turn it off first to use another app");
		}
		String account = accounts.stream().filter(s -> s.role() == user.role()).findFirst()
			.flatMap(s -> s.find(user.id())).map(AccountView::email)
			.orElseThrow(() -> DomainException.notFound("This account no longer exists"));
		String label = URLEncoder.encode(ISSUER + ":" + account, StandardCharsets.UTF_8).replace("+", "%20");
		String uri = "otpauth://totp/" + label + "?secret=" + secret + "&issuer="
				+ URLEncoder.encode(ISSUER, StandardCharsets.UTF_8) + "&algorithm=SHA1&digits=6&period=30";
		return new Enrolment(secret, uri);
	}

	/** Confirms the enrolment with a code from the app; returns the recovery codes, shown this once. */
	public List<String> enable(CurrentUser user, String code) {
		TwoFactor state = store.find(user.id());
		if (state == null || state.pendingSecret() == null) {
			throw DomainException.conflict("Start the set-up first");
		}
		Long step = matchingStep(state.pendingSecret(), code);
		if (step == null) {
			throw DomainException.invalidField("code", "is not the code your app shows; check the app and try again");
		}
		List<String> codes = newRecoveryCodes();
		if (!store.enable(user.id(), state.pendingSecret(), codes.stream().map(TwoFactorAuth::hash).toList(), step,
				clock.instant())) {
			throw DomainException.conflict("The set-up changed meanwhile; start it again");
		}
		return codes;
	}

	/** Turns two-factor sign-in off (password required); operators must keep it. */
	public void disable(CurrentUser user, String password, String address) {
		if (user.isOperator()) {
			throw DomainException.forbidden("Operators must keep two-factor sign-in on");
		}
		passwordCheck.require(user, password, address, "password");
		store.remove(user.id());
	}

	/** Ten new recovery codes in place of the old ones (password required). */
	public List<String> renewRecoveryCodes(CurrentUser user, String password, String address) {
		passwordCheck.require(user, password, address, "password");
		if (!isEnabled(user.id())) {
			throw DomainException.conflict("Two-factor sign-in is off");
		}
		List<String> codes = newRecoveryCodes();
		store.replaceRecoveryCodes(user.id(), codes.stream().map(TwoFactorAuth::hash).toList());
		return codes;
	}

	/** At sign-in: a current code from the app, or an unused recovery code (then used up). */
	boolean verify(String userId, String code) {
		TwoFactor state = store.find(userId);
		if (state == null || !state.enabled() || code == null) {
			return false;
		}
		String compact = code.replaceAll("[\\s-]", "");
		if (compact.matches("\\d{6}")) {
			Long step = matchingStep(state.secret(), compact);
			return step != null && store.useStep(userId, step);
		}
		return store.useRecoveryCode(userId, hash(code));
	}

	/** The time step (previous, current or next) whose code this is, if any. */
	private Long matchingStep(String secret, String code) {
		if (code == null) {
			return null;
		}
		String compact = code.replaceAll("\\s", "");
		if (!compact.matches("\\d{6}")) {
			return null;
		}
		SecretKeySpec key = new SecretKeySpec(new Base32().decode(secret), totp.getAlgorithm());
		Instant now = clock.instant();
		long current = now.getEpochSecond() / STEP.toSeconds();
		Long found = null;
		for (long step = current - 1; step <= current + 1; step++) {
			String expected;
			try {
				expected = totp.generateOneTimePasswordString(key, Instant.ofEpochSecond(step * STEP.toSeconds()),
						Locale.ROOT);
			}
			catch (InvalidKeyException ex) {
				throw new IllegalStateException("Stored two-factor secret is unusable", ex);
			}
			if (MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
					compact.getBytes(StandardCharsets.US_ASCII))) {
				found = step;
			}
		}
		return found;
	}

	private static List<String> newRecoveryCodes() {
		List<String> codes = new ArrayList<>();
		Base32 base32 = new Base32();
		for (int i = 0; i < RECOVERY_CODES; i++) {
			byte[] bytes = new byte[7];
			RANDOM.nextBytes(bytes);
			String code = base32.encodeAsString(bytes).substring(0, 10).toLowerCase(Locale.ROOT);
			codes.add(code.substring(0, 5) + "-" + code.substring(5));
		}
		return codes;
	}

	static String hash(String recoveryCode) {
		String normalised = recoveryCode.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** {@code required}: the account may not do without it (operators). */
	public record Status(boolean enabled, int recoveryCodesLeft, boolean required) {
	}

	/** The secret (Base32, for typing in) and the {@code otpauth://} URI the QR code carries. */
	public record Enrolment(String secret, String otpauthUri) {
	}
}
