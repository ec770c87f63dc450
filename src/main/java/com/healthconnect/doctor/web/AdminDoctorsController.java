package com.healthconnect.doctor.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.healthconnect.auth.CurrentUser;
import com.healthconnect.doctor.DoctorForReview;
import com.healthconnect.doctor.DoctorVerifications;
import com.healthconnect.doctor.Verification;
import com.healthconnect.platform.DomainException;
import com.healthconnect.platform.Pages;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Operators' review of doctors ({@code /api/admin/doctors}); the security rules admit operators only. */
@RestController
@RequestMapping("/api/admin/doctors")
class AdminDoctorsController {

	private final DoctorVerifications verifications;

	AdminDoctorsController(DoctorVerifications verifications) {
		this.verifications = verifications;
	}

	@GetMapping
	Pages<DoctorForReview> doctors(@RequestParam(required = false) String verification,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		Verification state;
		try {
			state = verification == null || verification.isBlank() ? null : Verification.fromJson(verification);
		}
		catch (IllegalArgumentException ex) {
			throw DomainException.invalidField("verification", "must be pending, verified or rejected");
		}
		return verifications.page(state, page, size);
	}

	@PostMapping("/{id}/verify")
	DoctorForReview verify(@PathVariable String id, @AuthenticationPrincipal CurrentUser operator) {
		return verifications.verify(id, operator.id());
	}

	@PostMapping("/{id}/reject")
	DoctorForReview reject(@PathVariable String id, @Valid @RequestBody Rejection rejection,
			@AuthenticationPrincipal CurrentUser operator) {
		return verifications.reject(id, operator.id(), rejection.reason().strip());
	}

	record Rejection(@NotBlank @Size(max = 1000) String reason) {
	}
}
