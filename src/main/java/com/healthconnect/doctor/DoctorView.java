package com.healthconnect.doctor;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import com.healthconnect.auth.AccountView;
import com.healthconnect.auth.Role;

/** A doctor's own account as the user JSON shows it. */
public record DoctorView(String id, String name, String email, String specialization, String qualification,
		int experience, String about, String contactNumber, String profileImage, String timeZone,
		List<ScheduleDay> schedule, Rating rating, String licenseNumber, Verification verification,
		int minimumNoticeMinutes, int cancellationWindowHours)
		implements AccountView {

	@Override
	@JsonProperty
	public Role role() {
		return Role.DOCTOR;
	}
}
