package com.healthconnect.operator.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.healthconnect.audit.AuditLog;
import com.healthconnect.audit.AuditLogLine;
import com.healthconnect.platform.Pages;

/** The audit log for operators; the security rules admit operators only. */
@RestController
class AdminAuditController {

	private final AuditLog audit;

	AdminAuditController(AuditLog audit) {
		this.audit = audit;
	}

	@GetMapping("/api/admin/audit")
	Pages<AuditLogLine> audit(@RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return audit.all(page, size);
	}
}
