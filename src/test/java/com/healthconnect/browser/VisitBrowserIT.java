package com.healthconnect.browser;

import static com.healthconnect.browser.Ui.appointment;
import static com.healthconnect.browser.Ui.button;
import static com.healthconnect.browser.Ui.heading;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.healthconnect.support.ApiClient;
import com.healthconnect.support.Browsers;
import com.healthconnect.support.IntegrationTest;
import com.healthconnect.support.Schedules;
import com.healthconnect.support.TestClock;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

/**
 * The visit end to end, as the "done when" says: the patient checks in 15 minutes before, waits, the doctor
 * sees them in the waiting room and admits them, the call connects, the doctor completes the visit with notes once it
 * has begun, the patient gets the notification and the e-mail, reviews, and the review shows on the doctor's page.
 * The appointment really starts 14 minutes from now; for the completion the server's clock and the doctor's browser
 * clock move past the start.
 */
@IntegrationTest
@TestPropertySource(properties = "healthconnect.calls.ring-timeout=45s")
class VisitBrowserIT {

	static final String BROWSER_ZONE = "Europe/Berlin";
	static final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

	static {
		smtp.start();
	}

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
	}

	@AfterAll
	static void stopMail() {
		smtp.stop();
	}

	@RegisterExtension
	static final People people = new People();

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	@AfterEach
	void realTime() {
		clock.reset();
	}

	@Test
	void checkInWaitAdmitCallCompleteNotifyReview() throws Exception {
		// a slot 14 minutes from now, at midday in the doctor's (fixed-offset) zone so it never crosses midnight
		Instant now = Instant.now();
		int hour = LocalDateTime.ofInstant(now, ZoneOffset.UTC).getHour();
		int offset = Math.max(-12, Math.min(14, 12 - hour));
		String zone = offset == 0 ? "UTC" : offset > 0 ? "Etc/GMT-" + offset : "Etc/GMT+" + (-offset);
		LocalDateTime start = LocalDateTime.ofInstant(now.plus(Duration.ofMinutes(14)), ZoneId.of(zone))
			.truncatedTo(ChronoUnit.MINUTES);
		String startTime = start.toLocalTime().toString();
		String endTime = start.toLocalTime().plusMinutes(30).toString();

		ApiClient doctor = new ApiClient(port).registerDoctor("Dr Vera Visit", "General Practice", zone);
		ApiClient patient = new ApiClient(port).registerPatient("Wanda Waiting");
		assertThat(doctor.put("/api/doctors/me", Map.of("minimumNoticeMinutes", 0)).status()).isEqualTo(200);
		assertThat(doctor.put("/api/doctors/me/schedule", List.of(Map.of("day", start.getDayOfWeek().name(), "slots",
				List.of(Schedules.slot(1, startTime, endTime, true))))).status()).isEqualTo(200);
		String id = Ui.bookAndAccept(doctor, patient, start.toLocalDate(), startTime);
		Instant startsAt = Instant.parse(doctor.get("/api/appointments/" + id).json().get("startsAt").asString());

		BrowserContext doctorContext = people.person(BROWSER_ZONE);
		BrowserContext patientContext = people.person(BROWSER_ZONE);
		patientContext.addInitScript(Files.readString(AccessibilityBrowserIT.AXE, StandardCharsets.UTF_8));
		Page doctorPage = Ui.signIn(doctorContext, doctor, "/dashboard");
		Page patientPage = Ui.signIn(patientContext, patient, "/appointments");
		assertThat(heading(doctorPage, "Dashboard")).isVisible();
		assertThat(doctorPage.getByText("Nobody is waiting.")).isVisible();

		// the patient joins: first the device check (Chromium's fake camera and microphone), then checked in, waiting
		button(appointment(patientPage, "Dr Vera Visit"), "Join").click();
		assertThat(heading(patientPage, "Check your camera and microphone")).isVisible();
		assertThat(patientPage.getByTestId("camera-status")).hasAttribute("data-status", "ok",
				new LocatorAssertions.HasAttributeOptions().setTimeout(20_000));
		assertThat(patientPage.getByTestId("microphone-status")).hasAttribute("data-status", "ok");
		assertThat(patientPage.getByLabel("Your camera preview")).isVisible();
		assertThat(patientPage.getByLabel("Microphone level")).isVisible();
		Browsers.screenshot(patientPage, "device-check");
		@SuppressWarnings("unchecked")
		Map<String, Object> axe = (Map<String, Object>) patientPage.evaluate(AccessibilityBrowserIT.RUN_AXE);
		assertThat((List<?>) axe.get("bad")).as("serious or critical axe violations on the device check").isEmpty();
		button(patientPage, "Play a test sound").click();
		assertThat(patientPage.getByText("You should hear a short tone")).isVisible();
		button(patientPage, "Check in").click();
		assertThat(patientPage.getByText("You are in the waiting room")).isVisible();
		assertThat(patientPage.getByText("Dr Vera Visit will admit you")).isVisible();

		// the doctor sees them live and admits them: the call rings for the patient, who answers
		Locator admit = button(doctorPage, "Admit Wanda Waiting");
		assertThat(admit).isVisible(Ui.LONG);
		Browsers.screenshot(doctorPage, "waiting-room");
		admit.click();
		Locator incoming = patientPage.getByRole(AriaRole.DIALOG,
				new Page.GetByRoleOptions().setName("Incoming video call"));
		assertThat(incoming).isVisible(Ui.LONG);
		button(incoming, "Answer").click();
		LocatorAssertions.HasTextOptions slow = new LocatorAssertions.HasTextOptions().setTimeout(60_000);
		assertThat(doctorPage.getByTestId("call-state")).hasText("connected", slow);
		assertThat(patientPage.getByTestId("call-state")).hasText("connected", slow);
		button(doctorPage, "Hang up").click();
		assertThat(doctorPage.getByTestId("call-state")).isHidden();
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
			.until(() -> doctor.get("/api/calls").json().get("totalElements").asInt() == 1);
		assertThat(doctor.get("/api/calls").json().get("content").get(0).get("appointmentId").asString())
			.isEqualTo(id);

		// the visit has begun: the doctor completes it with notes, after confirming
		clock.set(startsAt.plus(Duration.ofMinutes(2)));
		doctorPage.clock().setSystemTime(startsAt.plus(Duration.ofMinutes(2)).toEpochMilli());
		doctorPage.reload();
		Locator card = appointment(doctorPage, "Wanda Waiting");
		button(card, "Complete visit").click();
		card.getByLabel("Visit notes").fill("Blood pressure fine; follow up in a year.");
		button(card, "Mark as completed").click();
		button(card, "Yes, complete the visit").click();
		assertThat(doctorPage.getByText("Visit with Wanda Waiting completed.")).isVisible();

		// the patient is told: the bell counts it, the centre lists it, and it was e-mailed
		Locator bell = patientPage.getByRole(AriaRole.LINK,
				new Page.GetByRoleOptions().setName(java.util.regex.Pattern.compile("^Notifications, \\d+ unread$")));
		assertThat(bell).isVisible(Ui.LONG);
		bell.click();
		assertThat(heading(patientPage, "Notifications")).isVisible();
		assertThat(patientPage.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Visit completed (unread)")))
			.isVisible();
		Browsers.screenshot(patientPage, "notifications");
		String email = patient.user().get("email").asString();
		MimeMessage mail = awaitMail(email, "Visit completed");
		assertThat(mail.getContent().toString()).doesNotContain("Blood pressure");

		// the patient reviews; the text shows on the doctor's public page
		patientPage.navigate("/appointments");
		Locator mine = appointment(patientPage, "Dr Vera Visit");
		button(mine, "Write a review").click();
		// the radio sits under its star label, which takes the pointer; checking the named radio is what a keyboard does
		mine.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("4 stars"))
			.check(new Locator.CheckOptions().setForce(true));
		mine.getByLabel("Your review (optional)").fill("Took time to explain everything.");
		button(mine, "Submit review").click();
		assertThat(patientPage.getByText("Thank you for your review.")).isVisible();
		patientPage.navigate("/doctors/" + doctor.userId());
		Locator reviews = patientPage.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Reviews"));
		assertThat(reviews.getByText("Took time to explain everything.")).isVisible();
		assertThat(reviews.getByText("Wanda W.")).isVisible();
	}

	private static MimeMessage awaitMail(String to, String subjectStart) throws Exception {
		long deadline = System.currentTimeMillis() + 20_000;
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
}
