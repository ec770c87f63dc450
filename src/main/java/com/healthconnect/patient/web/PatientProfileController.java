package com.healthconnect.patient.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.healthconnect.auth.CurrentUser;
import com.healthconnect.patient.PatientProfileUpdate;
import com.healthconnect.patient.PatientProfiles;
import com.healthconnect.patient.PatientView;

import jakarta.validation.Valid;

/** The signed-in patient's own profile; the role guard lives in the security rules. */
@RestController
@RequestMapping("/api/patients/me")
class PatientProfileController {

	private final PatientProfiles profiles;

	PatientProfileController(PatientProfiles profiles) {
		this.profiles = profiles;
	}

	@GetMapping
	PatientView me(@AuthenticationPrincipal CurrentUser patient) {
		return profiles.get(patient.id());
	}

	@PutMapping
	PatientView update(@AuthenticationPrincipal CurrentUser patient, @Valid @RequestBody PatientProfileUpdate update) {
		return profiles.update(patient.id(), update);
	}
}
