package com.healthconnect.appointment.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.healthconnect.appointment.Bookings;
import com.healthconnect.appointment.SlotAvailability;
import com.healthconnect.auth.CurrentUser;
import com.healthconnect.patient.PatientSummary;
import com.healthconnect.platform.DomainException;
import com.healthconnect.platform.Pages;

/**
 * The doctor endpoints that need appointments: bookable slots (public) and the signed-in doctor's connected
 * patients. They live here rather than in the doctor module so that doctor does not depend on appointment.
 */
@RestController
@RequestMapping("/api/doctors")
class DoctorAppointmentsController {

	private final Bookings bookings;

	DoctorAppointmentsController(Bookings bookings) {
		this.bookings = bookings;
	}

	@GetMapping("/{id}/slots")
	List<SlotAvailability> slots(@PathVariable String id, @RequestParam String date) {
		LocalDate day;
		try {
			day = LocalDate.parse(date);
		}
		catch (DateTimeParseException ex) {
			throw DomainException.invalidField("date", "must be a date YYYY-MM-DD");
		}
		return bookings.slots(id, day);
	}

	@GetMapping("/me/patients")
	Pages<PatientSummary> myPatients(@AuthenticationPrincipal CurrentUser doctor,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return bookings.connectedPatients(doctor, page, size);
	}
}
