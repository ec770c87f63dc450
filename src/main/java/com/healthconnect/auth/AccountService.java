package com.healthconnect.auth;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Service;

import com.healthconnect.auth.internal.DisabledAccounts;
import com.healthconnect.auth.internal.LoginThrottle;
import com.healthconnect.auth.internal.RevokedTokens;
import com.healthconnect.auth.internal.SessionGenerations;
import com.healthconnect.auth.internal.TokenService;
import com.healthconnect.auth.internal.TokenService.IssuedToken;
import com.healthconnect.platform.DomainException;

/**
 * Sign-up, sign-in and the current account. An e-mail is unique across both roles: it is reserved in
 * {@code account_emails}, whose {@code _id} is the e-mail itself, before the account is written.
 * <p>
 * The two writes cannot share a transaction (the embedded server has none), so the reservation carries everything
 * needed to write the account — its id, the bcrypt hash and the profile, never the password — until the account is
 * there. A registration that a crash cut short between the two is rolled forward: at start-up, and whenever its
 * e-mail signs in or registers again. Writing the account is idempotent (a fixed id), so rolling forward twice, or
 * alongside the original request, is harmless.
 */
@Service
public class AccountService {

	private static final Logger log = LoggerFactory.getLogger(AccountService.class);

	static final String INVALID_LOGIN = "Invalid e-mail or password";

	private final Map<Role, AccountStore> stores;
	private final MongoTemplate mongo;
	private final BCryptPasswordEncoder passwords;
	private final TokenService tokens;
	private final LoginThrottle throttle;
	private final RevokedTokens revokedTokens;
	private final ApplicationEventPublisher events;
	private final SessionGenerations generations;
	private final DisabledAccounts disabledAccounts;
	private final TwoFactorAuth twoFactor;
	/**
	 * A real hash to compare against for unknown e-mails, so they take as long as wrong passwords. Hashed once the app
	 * is ready, not in the constructor: at cost 12 it took 1.5 s of CPU out of a 2-core start-up.
	 */
	private CompletableFuture<String> decoyHash; // guarded by this

	AccountService(List<AccountStore> stores, MongoTemplate mongo, BCryptPasswordEncoder passwords,
			TokenService tokens, LoginThrottle throttle, RevokedTokens revokedTokens, ApplicationEventPublisher events,
			SessionGenerations generations, DisabledAccounts disabledAccounts, TwoFactorAuth twoFactor) {
		this.twoFactor = twoFactor;
		this.disabledAccounts = disabledAccounts;
		this.stores = stores.stream().collect(Collectors.toMap(AccountStore::role, Function.identity()));
		this.mongo = mongo;
		this.passwords = passwords;
		this.tokens = tokens;
		this.throttle = throttle;
		this.revokedTokens = revokedTokens;
		this.events = events;
		this.generations = generations;
	}

	@EventListener(ApplicationReadyEvent.class)
	void hashDecoy() {
		decoyHash();
	}

	/** Registrations a crash cut short before this start: their accounts are written now. */
	@EventListener(ApplicationReadyEvent.class)
	void completeInterruptedRegistrations() {
		mongo.find(Query.query(Criteria.where("pending").exists(true)), AccountEmail.class)
			.forEach(this::completeRegistration);
	}

	private synchronized CompletableFuture<String> decoyHash() {
		if (decoyHash == null) {
			CompletableFuture<String> hash = new CompletableFuture<>();
			Thread hasher = new Thread(() -> hash.complete(passwords.encode("decoy-password-for-timing")), "decoy-hash");
			hasher.setDaemon(true);
			hasher.start();
			decoyHash = hash;
		}
		return decoyHash;
	}

	public SignedIn register(Registration registration) {
		String email = normalise(registration.email());
		Document profile = new Document();
		mongo.getConverter().write(registration, profile);
		profile.remove("password");
		AccountEmail reservation = new AccountEmail(email, registration.role(), new ObjectId().toHexString(),
				new PendingAccount(profile, passwords.encode(registration.password())));
		try {
			mongo.insert(reservation);
		}
		catch (DuplicateKeyException ex) {
			completeRegistration(email);
			throw emailTaken();
		}
		AccountView account = completeRegistration(reservation).orElseThrow(AccountService::emailTaken);
		return new SignedIn(account, tokens.issue(account.id(), account.role()));
	}

	private void completeRegistration(String email) {
		AccountEmail reservation = mongo.findById(email, AccountEmail.class);
		if (reservation != null && reservation.pending() != null) {
			completeRegistration(reservation);
		}
	}

	/**
	 * Writes the reserved account (or finds it written) and then marks the reservation complete. Empty when another
	 * account of that role already holds the e-mail: the reservation then stays as it is, and the e-mail taken.
	 */
	private Optional<AccountView> completeRegistration(AccountEmail reservation) {
		AccountStore store = store(reservation.role());
		AccountView account;
		try {
			Registration registration = mongo.getConverter().read(Registration.class, reservation.pending().profile());
			account = store.create(reservation.accountId(), registration, reservation.email(),
					reservation.pending().passwordHash());
		}
		catch (DuplicateKeyException ex) {
			// written already (by a roll-forward, or before a crash)
			Optional<AccountView> written = store.find(reservation.accountId());
			if (written.isEmpty()) {
				log.warn("Reservation {} cannot be completed: another {} account holds its e-mail",
						reservation.accountId(), reservation.role());
				return written;
			}
			account = written.get();
		}
		mongo.updateFirst(Query.query(Criteria.where("_id").is(reservation.email())
			.and("accountId").is(reservation.accountId())), new Update().unset("pending"), AccountEmail.class);
		return Optional.of(account);
	}

	private static DomainException emailTaken() {
		return DomainException.conflict("An account with this e-mail already exists");
	}

	/**
	 * Signs in by e-mail, whichever role holds it; a {@code role} given and wrong is the same 401 as a wrong password.
	 * Throttled per e-mail and client {@code address} and per address (see {@link LoginThrottle}).
	 */
	public SignedIn login(String rawEmail, String password, Role role, String address) {
		return login(rawEmail, password, null, role, address);
	}

	/**
	 * As above; an account with two-factor sign-in also needs {@code code} (from the app, or a recovery code): without
	 * it the answer is a 401 naming the field {@code code}, and a wrong one counts as a failed sign-in.
	 */
	public SignedIn login(String rawEmail, String password, String code, Role role, String address) {
		String email = normalise(rawEmail);
		throttle.beforeSignIn(email, address);
		var found = findCredentials(email);
		if (found.isEmpty()) {
			completeRegistration(email);
			found = findCredentials(email);
		}
		boolean matches = passwords.matches(password,
				found.map(f -> f.getValue().passwordHash()).orElseGet(() -> decoyHash().join()));
		if (found.isEmpty() || !matches || (role != null && role != found.get().getKey())) {
			throw new BadCredentials(throttle.recordFailure(email, address));
		}
		String id = found.get().getValue().id();
		if (twoFactor.isEnabled(id)) {
			if (code == null || code.isBlank()) {
				throw new TwoFactorRequired("Enter the 6-digit code from your authenticator app, or a recovery code");
			}
			if (!twoFactor.verify(id, code)) {
				LoginThrottle.FailedSignIn failure = throttle.recordFailure(email, address);
				throw new TwoFactorRequired("That code is not right or was used already; " + failure.attemptsLeft()
						+ (failure.attemptsLeft() == 1 ? " attempt" : " attempts") + " left before sign-in pauses");
			}
		}
		throttle.recordSuccess(email, address);
		if (disabledAccounts.isDisabled(found.get().getValue().id())) {
			throw DomainException.forbidden("This account is disabled; contact the operators");
		}
		Role actual = found.get().getKey();
		AccountView account = store(actual).find(found.get().getValue().id())
			.orElseThrow(() -> new BadCredentials(throttle.recordFailure(email, address)));
		return new SignedIn(account, tokens.issue(account.id(), actual, generations.current(account.id())));
	}

	/** The credentials for this e-mail, whichever role's account holds it. */
	private Optional<Map.Entry<Role, AccountStore.StoredCredentials>> findCredentials(String email) {
		return stores.values().stream()
			.flatMap(store -> store.findCredentials(email).map(c -> Map.entry(store.role(), c)).stream())
			.findFirst();
	}

	/**
	 * Reserves {@code email} for the account {@code accountId} of {@code role} created outside sign-up (the first
	 * operator), complete at once; false if any account already has it.
	 */
	public boolean reserveEmail(String email, Role role, String accountId) {
		try {
			mongo.insert(new AccountEmail(normalise(email), role, accountId, null));
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	public AccountView me(CurrentUser user) {
		return store(user.role()).find(user.id())
			.orElseThrow(() -> DomainException.notFound("This account no longer exists"));
	}

	public void signOut(SessionAuthentication session) {
		revokedTokens.revoke(session.tokenId(), session.expiresAt());
		events.publishEvent(new SignedOut(session.getPrincipal().id(), session.tokenId()));
	}

	private AccountStore store(Role role) {
		AccountStore store = stores.get(role);
		if (store == null) {
			throw new IllegalStateException("No account store for " + role);
		}
		return store;
	}

	static String normalise(String email) {
		return email.trim().toLowerCase(Locale.ROOT);
	}

	/** A signed-in account and its fresh session token (which goes into the cookie, never a body). */
	public record SignedIn(AccountView account, IssuedToken token) {
	}

	/** The password was right, and the account also needs a second factor: a 401 naming {@code code}. */
	public static class TwoFactorRequired extends DomainException {

		TwoFactorRequired(String message) {
			super(HttpStatus.UNAUTHORIZED, "Two-factor code required", message,
					List.of(new FieldError("code", message)));
		}
	}

	/** Unknown e-mail and wrong password look the same from outside. */
	public static class BadCredentials extends DomainException {

		BadCredentials(LoginThrottle.FailedSignIn failure) {
			super(HttpStatus.UNAUTHORIZED, "Unauthorized", INVALID_LOGIN + ". " + (failure.attemptsLeft() > 0
					? failure.attemptsLeft() + (failure.attemptsLeft() == 1 ? " attempt" : " attempts")
							+ " left before sign-in with this e-mail from your address pauses for "
							+ failure.pause().toMinutes() + " minutes."
					: "Sign-in with this e-mail from your address now pauses for " + failure.pause().toMinutes()
							+ " minutes."),
					List.of());
		}
	}

	/**
	 * An e-mail's reservation. {@code accountId} and {@code pending} are absent on reservations made before
	 * registrations could be rolled forward; {@code pending} is removed once the account is written.
	 */
	@org.springframework.data.mongodb.core.mapping.Document("account_emails")
	record AccountEmail(@Id String email, Role role, String accountId, PendingAccount pending) {
	}

	/** What writing the account needs: the registration as stored (without its password) and the password's hash. */
	record PendingAccount(Document profile, String passwordHash) {
	}
}
