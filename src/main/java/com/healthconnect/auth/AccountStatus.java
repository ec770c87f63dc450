package com.healthconnect.auth;

import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import com.healthconnect.auth.internal.DisabledAccounts;
import com.healthconnect.auth.internal.SessionGenerations;
import com.healthconnect.platform.DomainException;

/**
 * Operators disable and enable accounts. Disabling ends every session of the account at once (its tokens are refused
 * on every instance within {@code healthconnect.jwt.revocation-sync}, its sockets on this instance close) and refuses
 * sign-in with 403 until it is enabled again.
 */
@Service
public class AccountStatus {

	private final List<AccountStore> stores;
	private final DisabledAccounts disabled;
	private final SessionGenerations generations;
	private final ApplicationEventPublisher events;

	AccountStatus(List<AccountStore> stores, DisabledAccounts disabled, SessionGenerations generations,
			ApplicationEventPublisher events) {
		this.stores = stores;
		this.disabled = disabled;
		this.generations = generations;
		this.events = events;
	}

	public Optional<AccountSummary> findByEmail(String email) {
		String normalised = AccountService.normalise(email);
		return stores.stream()
			.flatMap(store -> store.findCredentials(normalised).flatMap(c -> store.find(c.id())).stream())
			.findFirst()
			.map(this::summary);
	}

	public AccountSummary find(String id) {
		return stores.stream()
			.flatMap(store -> store.find(id).stream())
			.findFirst()
			.map(this::summary)
			.orElseThrow(() -> DomainException.notFound("No such account"));
	}

	public void disable(String id, CurrentUser operator) {
		if (id.equals(operator.id())) {
			throw DomainException.conflict("You cannot disable your own account");
		}
		find(id);
		disabled.disable(id, operator.id());
		generations.endAll(id);
		events.publishEvent(new SessionsEnded(id, null));
	}

	public void enable(String id) {
		find(id);
		disabled.enable(id);
	}

	private AccountSummary summary(AccountView account) {
		return new AccountSummary(account.id(), account.role(), account.name(), account.email(),
				disabled.isDisabled(account.id()));
	}
}
