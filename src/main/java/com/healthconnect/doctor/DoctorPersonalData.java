package com.healthconnect.doctor;

import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.healthconnect.auth.CurrentUser;
import com.healthconnect.privacy.PersonalData;

/** A doctor's profile, schedule and time off; erased with the account (the account store leaves only a tombstone). */
@Component
@Order(60)
class DoctorPersonalData implements PersonalData {

	private final DoctorProfiles profiles;

	DoctorPersonalData(DoctorProfiles profiles) {
		this.profiles = profiles;
	}

	@Override
	public String section() {
		return "profile";
	}

	@Override
	public boolean holdsDataOf(CurrentUser user) {
		return user.isDoctor();
	}

	@Override
	public Object export(CurrentUser user) {
		return new DoctorData(profiles.get(user.id()), profiles.timeOff(user.id()));
	}

	@Override
	public void erase(CurrentUser user) {
		// the account's tombstone (DoctorAccounts.erase) replaces the whole profile and leaves the directory
	}

	record DoctorData(DoctorView doctor, List<TimeOff> timeOff) {
	}
}
