package com.healthconnect.doctor.web;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.healthconnect.auth.CurrentUser;
import com.healthconnect.doctor.DoctorProfileUpdate;
import com.healthconnect.doctor.DoctorProfiles;
import com.healthconnect.doctor.DoctorView;
import com.healthconnect.doctor.ScheduleDay;

import jakarta.validation.Valid;

/** The signed-in doctor's own profile; the role guard lives in the security rules. */
@RestController
@RequestMapping("/api/doctors/me")
class DoctorProfileController {

	private final DoctorProfiles profiles;

	DoctorProfileController(DoctorProfiles profiles) {
		this.profiles = profiles;
	}

	@GetMapping
	DoctorView me(@AuthenticationPrincipal CurrentUser doctor) {
		return profiles.get(doctor.id());
	}

	/** The body is the schedule array itself; see {@code ScheduleRules} for the error paths. */
	@PutMapping("/schedule")
	DoctorView replaceSchedule(@AuthenticationPrincipal CurrentUser doctor, @RequestBody List<ScheduleDay> schedule) {
		return profiles.replaceSchedule(doctor.id(), schedule);
	}

	@PutMapping
	DoctorView update(@AuthenticationPrincipal CurrentUser doctor, @Valid @RequestBody DoctorProfileUpdate update) {
		return profiles.update(doctor.id(), update);
	}
}
