package com.healthconnect.patient.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.healthconnect.audit.AuditEntry;
import com.healthconnect.auth.CurrentUser;
import com.healthconnect.patient.PatientRecords;
import com.healthconnect.patient.PatientView;
import com.healthconnect.platform.Pages;

/** A patient's record as a connected doctor reads it, and the patient's access log. */
@RestController
@RequestMapping("/api/patients")
class PatientRecordController {

	private final PatientRecords records;

	PatientRecordController(PatientRecords records) {
		this.records = records;
	}

	@GetMapping("/me/access-log")
	Pages<AuditEntry> accessLog(@AuthenticationPrincipal CurrentUser patient,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return records.accessLog(patient, page, size);
	}

	@GetMapping("/{id}")
	PatientView read(@AuthenticationPrincipal CurrentUser doctor, @PathVariable String id) {
		return records.read(doctor, id);
	}
}
