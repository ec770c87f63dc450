package com.healthconnect.privacy;

import java.util.List;

import org.springframework.stereotype.Service;

import com.healthconnect.auth.AccountClosure;
import com.healthconnect.auth.CurrentUser;

/**
 * Deleting an account (GDPR art. 17): the password confirms it, then every module erases what nobody else needs (in
 * order: open appointments are cancelled first, so the other side is told while the name is still there), and the
 * account is closed last: every session ends and its sockets close, sign-in is refused, the e-mail is free again and
 * a tombstone named "Deleted user" stands in wherever others still hold a shared record.
 */
@Service
public class AccountDeletion {

	private final AccountClosure closure;
	private final List<PersonalData> parts;

	AccountDeletion(AccountClosure closure, List<PersonalData> parts) {
		this.closure = closure;
		this.parts = parts;
	}

	public void delete(CurrentUser user, String password, String address) {
		closure.confirm(user, password, address);
		for (PersonalData part : parts) {
			if (part.holdsDataOf(user)) {
				part.erase(user);
			}
		}
		closure.close(user);
	}
}
