package com.healthconnect.auth.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.healthconnect.auth.AccountService;
import com.healthconnect.auth.AccountService.SignedIn;
import com.healthconnect.auth.AccountView;
import com.healthconnect.auth.CurrentUser;
import com.healthconnect.auth.PasswordBytes;
import com.healthconnect.auth.PasswordService;
import com.healthconnect.auth.Registration;
import com.healthconnect.auth.Role;
import com.healthconnect.auth.SessionAuthentication;
import com.healthconnect.auth.internal.LoginThrottle;
import com.healthconnect.auth.internal.SessionCookies;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/auth")
class AuthController {

	private final AccountService accounts;
	private final SessionCookies cookies;
	private final LoginThrottle throttle;
	private final PasswordService passwords;

	AuthController(AccountService accounts, SessionCookies cookies, LoginThrottle throttle, PasswordService passwords) {
		this.passwords = passwords;
		this.accounts = accounts;
		this.cookies = cookies;
		this.throttle = throttle;
	}

	@PostMapping("/register")
	ResponseEntity<AccountView> register(@Valid @RequestBody Registration registration, HttpServletRequest request) {
		throttle.signUp(request.getRemoteAddr());
		return signedIn(HttpStatus.CREATED, accounts.register(registration));
	}

	@PostMapping("/login")
	ResponseEntity<AccountView> login(@Valid @RequestBody LoginRequest login, HttpServletRequest request) {
		// the socket's peer, or the forwarded client only when server.forward-headers-strategy trusts a proxy
		return signedIn(HttpStatus.OK,
				accounts.login(login.email(), login.password(), login.code(), login.role(),
						request.getRemoteAddr()));
	}

	@PostMapping("/logout")
	ResponseEntity<Void> logout(SessionAuthentication session) {
		accounts.signOut(session);
		return ResponseEntity.noContent().header(HttpHeaders.SET_COOKIE, cookies.clear().toString()).build();
	}

	@GetMapping("/me")
	AccountView me(@AuthenticationPrincipal CurrentUser user) {
		return accounts.me(user);
	}

	@PostMapping("/password-reset")
	ResponseEntity<Void> requestPasswordReset(@Valid @RequestBody PasswordResetRequest reset,
			HttpServletRequest request) {
		passwords.requestReset(reset.email(), request.getRemoteAddr());
		return ResponseEntity.accepted().build();
	}

	@PostMapping("/password-reset/confirm")
	ResponseEntity<Void> confirmPasswordReset(@Valid @RequestBody PasswordResetConfirmation confirmation) {
		passwords.confirmReset(confirmation.token(), confirmation.password());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/password")
	ResponseEntity<Void> changePassword(SessionAuthentication session, @Valid @RequestBody PasswordChange change) {
		var token = passwords.change(session, change.currentPassword(), change.newPassword());
		return ResponseEntity.noContent().header(HttpHeaders.SET_COOKIE, cookies.issue(token).toString()).build();
	}

	/** Issues a CSRF token in the {@code XSRF-TOKEN} cookie and returns the same plain value. */
	@GetMapping("/csrf")
	CsrfResponse csrf(CsrfToken token) {
		return new CsrfResponse(token.getHeaderName(), token.getToken());
	}


	private ResponseEntity<AccountView> signedIn(HttpStatus status, SignedIn signedIn) {
		return ResponseEntity.status(status)
			.header(HttpHeaders.SET_COOKIE, cookies.issue(signedIn.token()).toString())
			.body(signedIn.account());
	}

	/** {@code code}: the second factor (a TOTP code or a recovery code) for accounts that have one. */
	record LoginRequest(@NotBlank @Email @Size(max = 254) String email, @NotNull @Size(max = 1024) String password,
			Role role, @Size(max = 64) String code) {
	}

	record PasswordResetRequest(@NotBlank @Email @Size(max = 254) String email) {
	}

	record PasswordResetConfirmation(@NotBlank @Size(max = 200) String token, @NotNull @PasswordBytes String password) {
	}

	record PasswordChange(@NotNull @Size(max = 1024) String currentPassword, @NotNull @PasswordBytes String newPassword) {
	}

	record CsrfResponse(String headerName, String token) {
	}
}
