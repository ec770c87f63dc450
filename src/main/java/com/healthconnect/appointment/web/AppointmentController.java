package com.healthconnect.appointment.web;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.healthconnect.appointment.AppointmentView;
import com.healthconnect.appointment.BookingRequest;
import com.healthconnect.appointment.Bookings;
import com.healthconnect.appointment.CancelRequest;
import com.healthconnect.appointment.RescheduleRequest;
import com.healthconnect.appointment.ReviewRequest;
import com.healthconnect.appointment.StatusChangeRequest;
import com.healthconnect.auth.CurrentUser;
import com.healthconnect.platform.Pages;

import jakarta.validation.Valid;

/** {@code /api/appointments}: every call is checked against the appointment's participants, not only the role. */
@RestController
@RequestMapping("/api/appointments")
class AppointmentController {

	private final Bookings bookings;

	AppointmentController(Bookings bookings) {
		this.bookings = bookings;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	AppointmentView book(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody BookingRequest request) {
		return bookings.book(user, request);
	}

	@GetMapping
	Pages<AppointmentView> list(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) String status, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return bookings.list(user, status, from, to, page, size);
	}

	@GetMapping("/{id}")
	AppointmentView get(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
		return bookings.get(user, id);
	}

	@PatchMapping("/{id}/status")
	AppointmentView changeStatus(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
			@Valid @RequestBody StatusChangeRequest change) {
		return bookings.changeStatus(user, id, change);
	}

	@PostMapping("/{id}/cancel")
	AppointmentView cancel(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
			@Valid @RequestBody(required = false) CancelRequest request) {
		return bookings.cancel(user, id, request == null ? null : request.reason());
	}

	@PostMapping("/{id}/reschedule")
	AppointmentView reschedule(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
			@Valid @RequestBody RescheduleRequest request) {
		return bookings.reschedule(user, id, request);
	}

	@PostMapping("/{id}/check-in")
	AppointmentView checkIn(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
		return bookings.checkIn(user, id);
	}

	@PostMapping("/{id}/review")
	AppointmentView review(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
			@Valid @RequestBody ReviewRequest request) {
		return bookings.review(user, id, request);
	}
}
