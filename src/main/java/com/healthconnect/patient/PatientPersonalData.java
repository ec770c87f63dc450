package com.healthconnect.patient;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.healthconnect.auth.CurrentUser;
import com.healthconnect.privacy.PersonalData;

/** A patient's profile and medical data; erased with the account (the account store leaves only a tombstone). */
@Component
@Order(60)
class PatientPersonalData implements PersonalData {

	private final PatientProfiles profiles;

	PatientPersonalData(PatientProfiles profiles) {
		this.profiles = profiles;
	}

	@Override
	public String section() {
		return "profile";
	}

	@Override
	public boolean holdsDataOf(CurrentUser user) {
		return user.isPatient();
	}

	@Override
	public Object export(CurrentUser user) {
		return profiles.get(user.id());
	}

	@Override
	public void erase(CurrentUser user) {
		// the account's tombstone (PatientAccounts.erase) replaces the whole profile
	}
}
