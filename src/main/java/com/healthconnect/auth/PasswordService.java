package com.healthconnect.auth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Service;

import com.healthconnect.auth.AccountStore.StoredCredentials;
import com.healthconnect.auth.internal.LoginThrottle;
import com.healthconnect.auth.internal.PasswordResetTokens;
import com.healthconnect.auth.internal.SessionGenerations;
import com.healthconnect.auth.internal.TokenService;
import com.healthconnect.auth.internal.TokenService.IssuedToken;
import com.healthconnect.mail.Mailer;
import com.healthconnect.mail.OutgoingMail;
import com.healthconnect.platform.DomainException;

/**
 * Forgotten and changed passwords. Either way every earlier session of the account ends, on every instance.
 * <p>
 * A reset request answers the same, at once, whether or not the e-mail is registered: the lookup, the token and the
 * mail happen afterwards, in the background, so neither the answer nor its timing tells.
 */
@Service
public class PasswordService {

	private static final Logger log = LoggerFactory.getLogger(PasswordService.class);

	private final Map<Role, AccountStore> stores;
	private final BCryptPasswordEncoder passwords;
	private final PasswordResetTokens resetTokens;
	private final SessionGenerations generations;
	private final TokenService tokens;
	private final LoginThrottle throttle;
	private final Mailer mailer;
	private final Executor background;
	private final ApplicationEventPublisher events;

	PasswordService(List<AccountStore> stores, BCryptPasswordEncoder passwords, PasswordResetTokens resetTokens,
			SessionGenerations generations, TokenService tokens, LoginThrottle throttle, Mailer mailer,
			@Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) Executor background,
			ApplicationEventPublisher events) {
		this.stores = stores.stream().collect(Collectors.toMap(AccountStore::role, Function.identity()));
		this.passwords = passwords;
		this.resetTokens = resetTokens;
		this.generations = generations;
		this.tokens = tokens;
		this.throttle = throttle;
		this.mailer = mailer;
		this.background = background;
		this.events = events;
	}

	/** Throttled per client address (429); otherwise always accepted, whatever the e-mail. */
	public void requestReset(String rawEmail, String address) {
		String email = AccountService.normalise(rawEmail);
		if (!throttle.passwordReset(email, address)) {
			return; // this mailbox had its share of reset mails for now
		}
		background.execute(() -> {
			try {
				findAccount(email).ifPresent(account -> mailResetLink(email, account));
			}
			catch (RuntimeException ex) {
				log.warn("Could not prepare a password-reset mail: {}", ex.toString());
			}
		});
	}

	private void mailResetLink(String email, Account account) {
		String token = resetTokens.issue(account.credentials().id(), account.role());
		String link = mailer.link("/reset-password?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
		long minutes = resetTokens.ttl().toMinutes();
		mailer.send(OutgoingMail.text(email, "Reset your Health-Connect password",
				"Someone (we hope you) asked to reset the password of your Health-Connect account.\n\n"
						+ "Choose a new password within " + minutes + " minutes at:\n" + link + "\n\n"
						+ "The link works once. If you did not ask for it, ignore this mail: your password stays as it is.\n"));
	}

	/** Sets the new password and ends every session signed in before; an unknown, used or expired token is a 400. */
	public void confirmReset(String token, String newPassword) {
		PasswordResetTokens.Holder holder = resetTokens.consume(token)
			.orElseThrow(() -> DomainException.invalidField("token",
					"This reset link is unknown, already used or expired; ask for a new one"));
		store(holder.role()).setPasswordHash(holder.userId(), passwords.encode(newPassword));
		generations.endAll(holder.userId());
		events.publishEvent(new SessionsEnded(holder.userId(), null));
	}

	/**
	 * Changes the caller's password (the current one must match, else a 400 naming {@code currentPassword}); every
	 * other session of the user ends and the caller gets a fresh token.
	 */
	public IssuedToken change(SessionAuthentication session, String currentPassword, String newPassword) {
		CurrentUser user = session.getPrincipal();
		AccountStore store = store(user.role());
		AccountView account = store.find(user.id())
			.orElseThrow(() -> DomainException.notFound("This account no longer exists"));
		StoredCredentials credentials = store.findCredentials(account.email())
			.orElseThrow(() -> DomainException.notFound("This account no longer exists"));
		if (!passwords.matches(currentPassword, credentials.passwordHash())) {
			throw DomainException.invalidField("currentPassword", "is not your current password");
		}
		store.setPasswordHash(user.id(), passwords.encode(newPassword));
		resetTokens.forget(user.id());
		long generation = generations.endAll(user.id());
		events.publishEvent(new SessionsEnded(user.id(), session.tokenId()));
		return tokens.issue(user.id(), user.role(), generation);
	}

	private Optional<Account> findAccount(String email) {
		return stores.values().stream()
			.flatMap(store -> store.findCredentials(email).map(c -> new Account(store.role(), c)).stream())
			.findFirst();
	}

	private AccountStore store(Role role) {
		AccountStore store = stores.get(role);
		if (store == null) {
			throw new IllegalStateException("No account store for " + role);
		}
		return store;
	}

	private record Account(Role role, StoredCredentials credentials) {
	}
}
