package com.healthconnect.auth.web;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.http.ResponseEntity;

import com.healthconnect.auth.CurrentUser;
import com.healthconnect.auth.TwoFactorAuth;
import com.healthconnect.auth.TwoFactorAuth.Enrolment;
import com.healthconnect.auth.TwoFactorAuth.Status;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The signed-in user's two-factor sign-in: state, enrolment, turning it off, new recovery codes. */
@RestController
@RequestMapping("/api/auth/two-factor")
class TwoFactorController {

	private final TwoFactorAuth twoFactor;

	TwoFactorController(TwoFactorAuth twoFactor) {
		this.twoFactor = twoFactor;
	}

	@GetMapping
	Status status(@AuthenticationPrincipal CurrentUser user) {
		return twoFactor.status(user);
	}

	@PostMapping("/setup")
	Enrolment setUp(@AuthenticationPrincipal CurrentUser user) {
		return twoFactor.setUp(user);
	}

	@PostMapping("/enable")
	RecoveryCodes enable(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody CodeRequest request) {
		return new RecoveryCodes(twoFactor.enable(user, request.code()));
	}

	@PostMapping("/disable")
	ResponseEntity<Void> disable(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody PasswordRequest request,
			HttpServletRequest http) {
		twoFactor.disable(user, request.password(), http.getRemoteAddr());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/recovery-codes")
	RecoveryCodes renewRecoveryCodes(@AuthenticationPrincipal CurrentUser user,
			@Valid @RequestBody PasswordRequest request, HttpServletRequest http) {
		return new RecoveryCodes(twoFactor.renewRecoveryCodes(user, request.password(), http.getRemoteAddr()));
	}

	record CodeRequest(@NotBlank @Size(max = 64) String code) {
	}

	record PasswordRequest(@NotNull @Size(max = 1024) String password) {
	}

	record RecoveryCodes(List<String> recoveryCodes) {
	}
}
