package com.healthconnect.operator;

import java.time.Clock;

import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Service;

import com.healthconnect.auth.AccountService;
import com.healthconnect.auth.Role;
import com.healthconnect.operator.internal.Operator;
import com.healthconnect.operator.internal.OperatorAccounts;

/**
 * Operator accounts. The first operator comes from {@code HEALTHCONNECT_OPERATOR_EMAIL} and
 * {@code HEALTHCONNECT_OPERATOR_PASSWORD} at start-up, when no account has that e-mail yet.
 */
@Service
public class Operators {

	private static final Logger log = LoggerFactory.getLogger(Operators.class);

	private final AccountService accounts;
	private final OperatorAccounts store;
	private final BCryptPasswordEncoder passwords;
	private final Clock clock;
	private final String firstEmail;
	private final String firstPassword;

	Operators(AccountService accounts, OperatorAccounts store, BCryptPasswordEncoder passwords, Clock clock,
			@Value("${healthconnect.operator.email:}") String firstEmail,
			@Value("${healthconnect.operator.password:}") String firstPassword) {
		this.accounts = accounts;
		this.store = store;
		this.passwords = passwords;
		this.clock = clock;
		this.firstEmail = firstEmail;
		this.firstPassword = firstPassword;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(0)
	void createFirstOperator() {
		if (firstEmail.isBlank() || firstPassword.isBlank()) {
			return;
		}
		if (provision("Operator", firstEmail, firstPassword)) {
			log.info("Created the first operator account from HEALTHCONNECT_OPERATOR_EMAIL");
		}
	}

	/** Creates an operator unless some account already has the e-mail; true if it was created. */
	public boolean provision(String name, String email, String password) {
		String normalised = email.trim().toLowerCase(java.util.Locale.ROOT);
		String id = new ObjectId().toHexString();
		if (!accounts.reserveEmail(normalised, Role.OPERATOR, id)) {
			return false;
		}
		store.insert(new Operator(id, name, normalised, passwords.encode(password), clock.instant()));
		return true;
	}
}
