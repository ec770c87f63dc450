package com.healthconnect.doctor.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.healthconnect.doctor.DoctorDetail;
import com.healthconnect.doctor.DoctorDirectory;
import com.healthconnect.doctor.DoctorListing;
import com.healthconnect.platform.Pages;

/** The public directory: anyone may browse it, signed in or not. */
@RestController
@RequestMapping("/api/doctors")
class DoctorDirectoryController {

	private final DoctorDirectory directory;

	DoctorDirectoryController(DoctorDirectory directory) {
		this.directory = directory;
	}

	@GetMapping
	Pages<DoctorListing> search(@RequestParam(required = false) String q,
			@RequestParam(required = false) String specialization, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return directory.search(q, specialization, page, size);
	}

	@GetMapping("/specializations")
	List<String> specializations() {
		return directory.specializations();
	}

	@GetMapping("/{id}")
	DoctorDetail detail(@PathVariable String id) {
		return directory.detail(id);
	}
}
