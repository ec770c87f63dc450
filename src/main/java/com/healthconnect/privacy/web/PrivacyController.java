package com.healthconnect.privacy.web;

import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.healthconnect.auth.CurrentUser;
import com.healthconnect.auth.AccountClosure;
import com.healthconnect.privacy.AccountDeletion;
import com.healthconnect.privacy.AccountExport;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/auth/me")
class PrivacyController {

	private final AccountExport export;
	private final AccountDeletion deletion;
	private final AccountClosure closure;

	PrivacyController(AccountExport export, AccountDeletion deletion, AccountClosure closure) {
		this.export = export;
		this.deletion = deletion;
		this.closure = closure;
	}

	@GetMapping("/export")
	ResponseEntity<Map<String, Object>> export(@AuthenticationPrincipal CurrentUser user) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("health-connect-my-data.json").build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(export.of(user));
	}

	@DeleteMapping
	ResponseEntity<Void> delete(@AuthenticationPrincipal CurrentUser user,
			@Valid @RequestBody DeleteAccountRequest request, HttpServletRequest http) {
		deletion.delete(user, request.password(), http.getRemoteAddr());
		return ResponseEntity.noContent().header(HttpHeaders.SET_COOKIE, closure.clearedSessionCookie().toString()).build();
	}

	record DeleteAccountRequest(@NotNull @Size(max = 1024) String password) {
	}
}
