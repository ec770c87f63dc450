package com.healthconnect.operator.web;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.healthconnect.auth.AccountStatus;
import com.healthconnect.auth.AccountSummary;
import com.healthconnect.auth.CurrentUser;
import com.healthconnect.platform.DomainException;

/** Operators find, disable and enable accounts; the security rules admit operators only. */
@RestController
@RequestMapping("/api/admin/accounts")
class AdminAccountsController {

	private final AccountStatus accounts;

	AdminAccountsController(AccountStatus accounts) {
		this.accounts = accounts;
	}

	@GetMapping
	AccountSummary byEmail(@RequestParam String email) {
		return accounts.findByEmail(email).orElseThrow(() -> DomainException.notFound("No account has this e-mail"));
	}

	@PostMapping("/{id}/disable")
	ResponseEntity<Void> disable(@PathVariable String id, @AuthenticationPrincipal CurrentUser operator) {
		accounts.disable(id, operator);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{id}/enable")
	ResponseEntity<Void> enable(@PathVariable String id) {
		accounts.enable(id);
		return ResponseEntity.noContent().build();
	}
}
