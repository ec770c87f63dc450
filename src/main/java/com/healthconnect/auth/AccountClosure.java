package com.healthconnect.auth;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Service;

import com.healthconnect.auth.AccountService.AccountEmail;
import com.healthconnect.auth.internal.PasswordResetTokens;
import com.healthconnect.auth.internal.SessionCookies;
import com.healthconnect.auth.internal.SessionGenerations;
import com.healthconnect.auth.internal.TwoFactorStore;
import com.healthconnect.platform.DomainException;

/**
 * The account side of deleting an account: the password confirms it (throttled like sign-in, so a stolen session
 * cannot guess it), and closing ends every session at once (the session generation, as after a password reset: on
 * every instance, and the sockets on this instance close through {@link SessionsEnded}), frees the e-mail for a new
 * registration and leaves a tombstone that names a "Deleted user".
 */
@Service
public class AccountClosure {

	public static final String DELETED_NAME = "Deleted user";

	private final java.util.List<AccountStore> stores;
	private final MongoTemplate mongo;
	private final PasswordCheck passwordCheck;
	private final TwoFactorStore twoFactor;
	private final PasswordResetTokens resetTokens;
	private final SessionGenerations generations;
	private final ApplicationEventPublisher events;
	private final SessionCookies cookies;

	AccountClosure(java.util.List<AccountStore> stores, MongoTemplate mongo, PasswordCheck passwordCheck, TwoFactorStore twoFactor,
			PasswordResetTokens resetTokens, SessionGenerations generations,
			ApplicationEventPublisher events, SessionCookies cookies) {
		this.cookies = cookies;
		this.stores = stores;
		this.mongo = mongo;
		this.passwordCheck = passwordCheck;
		this.twoFactor = twoFactor;
		this.resetTokens = resetTokens;
		this.generations = generations;
		this.events = events;
	}

	/**
	 * A 400 naming {@code password} unless it is the caller's; operators cannot delete their account (403): the
	 * platform needs someone to run it, and another operator disables an operator's account instead.
	 */
	public void confirm(CurrentUser user, String password, String address) {
		if (user.isOperator()) {
			throw DomainException.forbidden("An operator account cannot be deleted; another operator can disable it");
		}
		passwordCheck.require(user, password, address, "password");
	}

	/** Ends every session, frees the e-mail and leaves the tombstone; call after the other modules erased theirs. */
	public void close(CurrentUser user) {
		AccountStore store = store(user.role());
		String email = store.find(user.id()).map(AccountView::email).map(AccountService::normalise).orElse(null);
		generations.endAll(user.id());
		events.publishEvent(new SessionsEnded(user.id(), null));
		store.erase(user.id());
		if (email != null) {
			mongo.remove(Query.query(Criteria.where("_id").is(email).and("accountId").in(user.id(), null)),
					AccountEmail.class);
		}
		resetTokens.forget(user.id());
		twoFactor.remove(user.id());
		events.publishEvent(new AccountDeleted(user.id(), user.role()));
	}

	/** The cookie that clears the closed account's session in the browser. */
	public ResponseCookie clearedSessionCookie() {
		return cookies.clear();
	}

	private AccountStore store(Role role) {
		return stores.stream().filter(s -> s.role() == role).findFirst()
			.orElseThrow(() -> new IllegalStateException("No account store for " + role));
	}
}
