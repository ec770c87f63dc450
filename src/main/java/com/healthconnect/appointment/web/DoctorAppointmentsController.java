package com.healthconnect.appointment.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.healthconnect.appointment.AppointmentView;
import com.healthconnect.appointment.Bookings;
import com.healthconnect.appointment.DoctorReview;
import com.healthconnect.doctor.DoctorProfiles;
import com.healthconnect.doctor.TimeOff;
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
	private final DoctorProfiles profiles;

	DoctorAppointmentsController(Bookings bookings, DoctorProfiles profiles) {
		this.bookings = bookings;
		this.profiles = profiles;
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

	@GetMapping("/{id}/reviews")
	Pages<DoctorReview> reviews(@PathVariable String id, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return bookings.reviews(id, page, size);
	}

	@GetMapping("/me/waiting-room")
	List<AppointmentView> waitingRoom(@AuthenticationPrincipal CurrentUser doctor) {
		return bookings.waitingRoom(doctor);
	}

	@GetMapping("/me/time-off")
	TimeOffAnswer timeOff(@AuthenticationPrincipal CurrentUser doctor) {
		List<TimeOff> timeOff = profiles.timeOff(doctor.id());
		return new TimeOffAnswer(timeOff, bookings.affectedBy(doctor, timeOff));
	}

	/** Replaces the time off; bookings already on those dates stay and are listed as {@code affected}. */
	@PutMapping("/me/time-off")
	TimeOffAnswer replaceTimeOff(@AuthenticationPrincipal CurrentUser doctor,
			@RequestBody List<TimeOff> timeOff) {
		List<TimeOff> saved = profiles.replaceTimeOff(doctor.id(), timeOff);
		return new TimeOffAnswer(saved, bookings.affectedBy(doctor, saved));
	}

	/** The doctor's time off and the pending or scheduled appointments that fall on it. */
	record TimeOffAnswer(List<TimeOff> timeOff, List<AppointmentView> affected) {
	}

	@GetMapping("/me/patients")
	Pages<PatientSummary> myPatients(@AuthenticationPrincipal CurrentUser doctor,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return bookings.connectedPatients(doctor, page, size);
	}
}
