package com.healthconnect.auth;

import java.util.List;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

import com.healthconnect.auth.internal.LoginThrottle;
import com.healthconnect.platform.DomainException;

/**
 * "Type your password again" for a signed-in user about to do something grave (delete the account, turn two-factor
 * sign-in off): counted and paused like sign-in, so a stolen session cannot guess it.
 */
@Component
class PasswordCheck {

	private final List<AccountStore> stores;
	private final BCryptPasswordEncoder passwords;
	private final LoginThrottle throttle;

	PasswordCheck(List<AccountStore> stores, BCryptPasswordEncoder passwords, LoginThrottle throttle) {
		this.stores = stores;
		this.passwords = passwords;
		this.throttle = throttle;
	}

	/** A 400 naming {@code field} unless {@code password} is the user's; 429 when paused. */
	void require(CurrentUser user, String password, String address, String field) {
		AccountStore store = stores.stream().filter(s -> s.role() == user.role()).findFirst()
			.orElseThrow(() -> new IllegalStateException("No account store for " + user.role()));
		AccountView account = store.find(user.id())
			.orElseThrow(() -> DomainException.notFound("This account no longer exists"));
		String email = AccountService.normalise(account.email());
		throttle.beforeSignIn(email, address);
		var credentials = store.findCredentials(email)
			.orElseThrow(() -> DomainException.notFound("This account no longer exists"));
		if (!passwords.matches(password, credentials.passwordHash())) {
			throttle.recordFailure(email, address);
			throw DomainException.invalidField(field, "is not your password");
		}
	}
}
