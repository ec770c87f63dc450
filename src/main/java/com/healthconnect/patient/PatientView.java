package com.healthconnect.patient;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import com.healthconnect.auth.AccountView;
import com.healthconnect.auth.Role;

/** A patient's profile as the user JSON shows it. */
public record PatientView(String id, String name, String email, LocalDate dateOfBirth, String gender,
		String bloodGroup, List<String> allergies, List<EmergencyContact> emergencyContact, String profileImage,
		String timeZone)
		implements AccountView {

	@Override
	@JsonProperty
	public Role role() {
		return Role.PATIENT;
	}
}
