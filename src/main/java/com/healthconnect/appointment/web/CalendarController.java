package com.healthconnect.appointment.web;

import java.time.Clock;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import com.healthconnect.appointment.Bookings;
import com.healthconnect.appointment.internal.CalendarFeeds;
import com.healthconnect.auth.CurrentUser;
import com.healthconnect.platform.DomainException;

/**
 * Appointments for calendar apps: one appointment's ICS file (participants only), and the private feed address a
 * calendar app subscribes to without a cookie. The secret in the address is the only key; renewing it retires the old.
 */
@RestController
class CalendarController {

	static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8);

	private final Bookings bookings;
	private final CalendarFeeds feeds;
	private final Clock clock;

	CalendarController(Bookings bookings, CalendarFeeds feeds, Clock clock) {
		this.bookings = bookings;
		this.feeds = feeds;
		this.clock = clock;
	}

	@GetMapping("/api/appointments/{id}/calendar.ics")
	ResponseEntity<String> appointment(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
		return ResponseEntity.ok()
			.contentType(TEXT_CALENDAR)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"appointment-" + id + ".ics\"")
			.cacheControl(CacheControl.noStore())
			.body(bookings.calendarFile(user, id, appUrl()));
	}

	record FeedAddress(String url) {
	}

	@PostMapping("/api/calendar/feed")
	FeedAddress renewFeed(@AuthenticationPrincipal CurrentUser user) {
		String secret = feeds.renew(user.id(), user.role(), clock.instant());
		return new FeedAddress(appUrl() + "/api/calendar/feed/" + secret + ".ics");
	}

	@GetMapping("/api/calendar/feed/{secret}.ics")
	ResponseEntity<String> feed(@PathVariable String secret) {
		CalendarFeeds.Feed feed = feeds.find(secret)
			.orElseThrow(() -> DomainException.notFound("No such calendar feed"));
		return ResponseEntity.ok()
			.contentType(TEXT_CALENDAR)
			.cacheControl(CacheControl.noStore())
			.body(bookings.calendarFeed(new CurrentUser(feed.userId(), feed.role()), appUrl()));
	}

	private static String appUrl() {
		return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
	}
}
