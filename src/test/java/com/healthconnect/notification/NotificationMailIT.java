package com.healthconnect.notification;

import static com.healthconnect.support.Schedules.booking;
import static com.healthconnect.support.Schedules.doctorWithSchedule;
import static com.healthconnect.support.Schedules.inDays;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.healthconnect.support.ApiClient;
import com.healthconnect.support.IntegrationTest;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.model.Component;

/** Notifications go out by e-mail too (a real SMTP server in process), with nothing medical and a per-user opt-out. */
@IntegrationTest
class NotificationMailIT {

	static final String BERLIN = "Europe/Berlin";
	static final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

	static {
		smtp.start();
	}

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
		registry.add("healthconnect.mail.base-url", () -> "https://care.example.org");
	}

	@AfterAll
	static void stop() {
		smtp.stop();
	}

	@LocalServerPort
	int port;

	@Test
	void aConfirmedBookingIsMailedWithTheTimeALinkAndTheCalendarFileButNoReason() throws Exception {
		ApiClient doctor = doctorWithSchedule(port, "Dr Mail", "General Practice", BERLIN);
		ApiClient patient = new ApiClient(port).registerPatient("Mia Mailed", BERLIN);
		String patientEmail = patient.user().get("email").asString();
		LocalDate date = inDays(BERLIN, 4);
		String id = patient.post("/api/appointments", Map.of("doctorId", doctor.userId(), "date", date.toString(),
				"startTime", "09:00", "mode", "video", "reason", "embarrassing rash")).json().get("id").asString();
		doctor.patch("/api/appointments/" + id + "/status", Map.of("status", "scheduled", "comment", "see you"));

		MimeMessage confirmation = awaitMailTo(patientEmail, "Appointment confirmed");
		assertThat(confirmation.getSubject()).contains("09:00").contains(BERLIN);
		String text = textOf(confirmation);
		assertThat(text).contains("Dr Mail").contains("https://care.example.org/appointments")
			.doesNotContain("embarrassing rash");
		Part ics = attachmentOf(confirmation);
		assertThat(ics.getContentType()).startsWith("text/calendar");
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		ics.getInputStream().transferTo(bytes);
		String calendar = bytes.toString(StandardCharsets.UTF_8);
		assertThat(com.healthconnect.appointment.CalendarITAccess.valid(calendar).getComponents(Component.VEVENT))
			.hasSize(1);
		assertThat(calendar).contains("STATUS:CONFIRMED").doesNotContain("rash");

		// the doctor heard of the request, also without the reason
		assertThat(textOf(awaitMailTo(doctor.user().get("email").asString(), "New appointment request")))
			.contains("Mia Mailed").doesNotContain("rash");

		// opted out: the in-app notification still comes, the e-mail does not
		patient.put("/api/notifications/preferences", Map.of("email", false));
		int before = smtp.getReceivedMessages().length;
		doctor.post("/api/appointments/" + id + "/cancel", Map.of("reason", "rash is contagious"));
		assertThat(patient.get("/api/notifications?unread=true").json().get("content").get(0).get("type").asString())
			.isEqualTo("appointment-cancelled");
		assertThat(smtp.waitForIncomingEmail(1500, before + 1)).isFalse();
	}

	@Test
	void eachRecipientReadsTheTimeInTheirOwnZone() throws Exception {
		ApiClient doctor = doctorWithSchedule(port, "Dr Zone", "General Practice", BERLIN);
		String email = ApiClient.uniqueEmail("Tomo Tokyo");
		ApiClient patient = new ApiClient(port).register(Map.of("role", "patient", "name", "Tomo Tokyo", "email", email,
				"password", "correct-horse-9", "timeZone", "Asia/Tokyo"));
		LocalDate date = inDays(BERLIN, 5);
		String id = patient.post("/api/appointments", booking(doctor.userId(), date, "09:00")).json().get("id")
			.asString();
		doctor.patch("/api/appointments/" + id + "/status", Map.of("status", "scheduled"));

		String tokyo = java.time.ZonedDateTime.of(date, java.time.LocalTime.of(9, 0), java.time.ZoneId.of(BERLIN))
			.withZoneSameInstant(java.time.ZoneId.of("Asia/Tokyo")).toLocalTime().toString();
		MimeMessage confirmation = awaitMailTo(email, "Appointment confirmed");
		assertThat(confirmation.getSubject()).contains(tokyo).contains("Asia/Tokyo").doesNotContain(BERLIN);
		assertThat(textOf(confirmation)).contains(tokyo + " (Asia/Tokyo)");
		MimeMessage request = awaitMailTo(doctor.user().get("email").asString(), "New appointment request");
		assertThat(request.getSubject()).contains("09:00").contains(BERLIN);
	}

	private static MimeMessage awaitMailTo(String to, String subjectStart) throws Exception {
		long deadline = System.currentTimeMillis() + 15_000;
		while (System.currentTimeMillis() < deadline) {
			for (MimeMessage m : smtp.getReceivedMessages()) {
				if (Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(to))
						&& m.getSubject().startsWith(subjectStart)) {
					return m;
				}
			}
			smtp.waitForIncomingEmail(500, smtp.getReceivedMessages().length + 1);
		}
		throw new AssertionError("no mail \"" + subjectStart + "\" to " + to);
	}

	static String textOf(MimeMessage message) throws Exception {
		if (message.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				Part part = multipart.getBodyPart(i);
				if (part.isMimeType("text/plain")) {
					return part.getContent().toString();
				}
				if (part.getContent() instanceof Multipart inner) {
					for (int j = 0; j < inner.getCount(); j++) {
						if (inner.getBodyPart(j).isMimeType("text/plain")) {
							return inner.getBodyPart(j).getContent().toString();
						}
					}
				}
			}
			return GreenMailUtil.getBody(message);
		}
		return message.getContent().toString();
	}

	static Part attachmentOf(MimeMessage message) throws Exception {
		Multipart multipart = (Multipart) message.getContent();
		for (int i = 0; i < multipart.getCount(); i++) {
			Part part = multipart.getBodyPart(i);
			if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
				return part;
			}
		}
		throw new AssertionError("no attachment");
	}
}
