package com.healthconnect.appointment;

import static com.healthconnect.support.Schedules.booking;
import static com.healthconnect.support.Schedules.doctorWithSchedule;
import static com.healthconnect.support.Schedules.inDays;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.healthconnect.support.ApiClient;
import com.healthconnect.support.ApiClient.Response;
import com.healthconnect.support.IntegrationTest;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.validate.ValidationResult;

/** Calendar files and the private feed, parsed and validated against RFC 5545 by ical4j. */
@IntegrationTest
class CalendarIT {

	static final String BERLIN = "Europe/Berlin";

	@LocalServerPort
	int port;

	@Test
	void anAppointmentsFileIsValidWithAStableUidAGrowingSequenceAndCancelledStatus() throws Exception {
		ApiClient doctor = doctorWithSchedule(port, "Dr Calendar, Cardiology; Berlin", "Cardiology", BERLIN);
		ApiClient patient = new ApiClient(port).registerPatient("Cal Endar");
		LocalDate date = inDays(BERLIN, 5);
		String id = patient.post("/api/appointments", booking(doctor.userId(), date, "09:00")).json().get("id")
			.asString();
		String path = "/api/appointments/" + id + "/calendar.ics";

		Response pending = patient.get(path);
		assertThat(pending.status()).isEqualTo(200);
		assertThat(pending.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/calendar"));
		VEvent first = onlyEvent(valid(pending.body()));
		assertThat(prop(first, Property.STATUS)).isEqualTo("TENTATIVE");
		assertThat(prop(first, Property.DTSTART)).endsWith("Z");
		assertThat(prop(first, Property.SUMMARY)).contains("Dr Calendar, Cardiology; Berlin");
		assertThat(pending.body()).doesNotContain("check-up");

		doctor.patch("/api/appointments/" + id + "/status", Map.of("status", "scheduled"));
		VEvent confirmed = onlyEvent(valid(doctor.get(path).body()));
		assertThat(prop(confirmed, Property.STATUS)).isEqualTo("CONFIRMED");
		assertThat(prop(confirmed, Property.UID)).isEqualTo(prop(first, Property.UID));
		assertThat(seq(confirmed)).isGreaterThan(seq(first));
		assertThat(prop(confirmed, Property.SUMMARY)).contains("Cal Endar");

		patient.post("/api/appointments/" + id + "/cancel", Map.of("reason", "moving"));
		VEvent cancelled = onlyEvent(valid(patient.get(path).body()));
		assertThat(prop(cancelled, Property.STATUS)).isEqualTo("CANCELLED");
		assertThat(prop(cancelled, Property.UID)).isEqualTo(prop(first, Property.UID));
		assertThat(seq(cancelled)).isGreaterThan(seq(confirmed));

		assertThat(new ApiClient(port).registerPatient("Stranger").get(path).status()).isEqualTo(404);
		assertThat(new ApiClient(port).get(path).status()).isEqualTo(401);
	}

	@Test
	void thePrivateFeedServesAllAppointmentsWithoutACookieUntilRenewed() throws Exception {
		ApiClient doctor = doctorWithSchedule(port, "Dr Feed", "General Practice", BERLIN);
		ApiClient patient = new ApiClient(port).registerPatient("Fee Der");
		LocalDate date = inDays(BERLIN, 6);
		for (String time : List.of("09:00", "09:30")) {
			patient.post("/api/appointments", booking(doctor.userId(), date, time));
		}
		Response created = patient.post("/api/calendar/feed", Map.of());
		assertThat(created.status()).as(created.body()).isEqualTo(200);
		String url = created.json().get("url").asString();
		assertThat(url).contains("/api/calendar/feed/").endsWith(".ics");

		ApiClient anonymous = new ApiClient(port);
		Response feed = anonymous.send(HttpRequest.newBuilder(java.net.URI.create(url)).GET());
		assertThat(feed.status()).isEqualTo(200);
		Calendar calendar = valid(feed.body());
		assertThat(calendar.getComponents(Component.VEVENT)).hasSize(2);

		String renewed = patient.post("/api/calendar/feed", Map.of()).json().get("url").asString();
		assertThat(renewed).isNotEqualTo(url);
		assertThat(anonymous.send(HttpRequest.newBuilder(java.net.URI.create(url)).GET()).status()).isEqualTo(404);
		assertThat(anonymous.send(HttpRequest.newBuilder(java.net.URI.create(renewed)).GET()).status()).isEqualTo(200);
		assertThat(anonymous.get("/api/calendar/feed/guess.ics").status()).isEqualTo(404);
		assertThat(anonymous.post("/api/calendar/feed", Map.of()).status()).isEqualTo(401);

		// the doctor's own feed holds the same two, seen from their side
		String doctorFeed = doctor.post("/api/calendar/feed", Map.of()).json().get("url").asString();
		Calendar ofDoctor = valid(anonymous.send(HttpRequest.newBuilder(java.net.URI.create(doctorFeed)).GET()).body());
		assertThat(ofDoctor.getComponents(Component.VEVENT)).hasSize(2);
	}

	static Calendar valid(String ics) throws Exception {
		assertThat(ics).contains("\r\n");
		for (String line : ics.split("\r\n")) {
			assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
		}
		Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
		ValidationResult result = calendar.validate();
		assertThat(result.hasErrors()).as(result.toString()).isFalse();
		return calendar;
	}

	static VEvent onlyEvent(Calendar calendar) {
		List<VEvent> events = calendar.getComponents(Component.VEVENT);
		assertThat(events).hasSize(1);
		return events.get(0);
	}

	static String prop(VEvent event, String name) {
		return event.getProperty(name).map(Property::getValue).orElseThrow();
	}

	static int seq(VEvent event) {
		return Integer.parseInt(prop(event, Property.SEQUENCE));
	}
}
