package com.healthconnect.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import com.healthconnect.auth.AccountService;
import com.healthconnect.auth.CurrentUser;

/**
 * Everything held on the signed-in user, in one JSON document (GDPR art. 15 and 20): {@code account} and each
 * module's part under the contract's keys ({@code profile, appointments, messages, calls, accessLog, notifications}).
 * Only their own data: the other side of a shared record appears by id and the name the user is shown anyway.
 */
@Service
public class AccountExport {

	static final List<String> SECTIONS = List.of("profile", "appointments", "messages", "calls", "accessLog",
			"notifications");

	private final AccountService accounts;
	private final List<PersonalData> parts;
	private final Clock clock;

	AccountExport(AccountService accounts, List<PersonalData> parts, Clock clock) {
		this.accounts = accounts;
		this.parts = parts;
		this.clock = clock;
	}

	public Map<String, Object> of(CurrentUser user) {
		Map<String, Object> export = new LinkedHashMap<>();
		export.put("exportedAt", Instant.now(clock));
		export.put("account", accounts.me(user));
		SECTIONS.forEach(section -> export.put(section, null));
		for (PersonalData part : parts) {
			if (part.section() != null && part.holdsDataOf(user)) {
				export.put(part.section(), part.export(user));
			}
		}
		SECTIONS.forEach(section -> export.computeIfAbsent(section, s -> List.of()));
		return export;
	}
}
