package com.healthconnect.audit;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.healthconnect.auth.AccountClosure;
import com.healthconnect.auth.CurrentUser;
import com.healthconnect.privacy.PersonalData;

/**
 * The access log: who read or wrote records about the user, and what they did to records as a doctor. It is kept
 * when the account is deleted (it proves who saw which medical record); only the deleted user's name leaves it.
 */
@Component
@Order(40)
class AuditPersonalData implements PersonalData {

	private final AuditLog log;

	AuditPersonalData(AuditLog log) {
		this.log = log;
	}

	@Override
	public String section() {
		return "accessLog";
	}

	@Override
	public Object export(CurrentUser user) {
		return log.involving(user.id());
	}

	@Override
	public void erase(CurrentUser user) {
		log.pseudonymise(user.id(), AccountClosure.DELETED_NAME);
	}
}
