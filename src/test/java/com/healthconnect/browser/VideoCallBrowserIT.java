package com.healthconnect.browser;

import static com.healthconnect.browser.Ui.appointment;
import static com.healthconnect.browser.Ui.button;
import static com.healthconnect.browser.Ui.heading;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import com.healthconnect.support.ApiClient;
import com.healthconnect.support.Browsers;
import com.healthconnect.support.IntegrationTest;
import com.healthconnect.support.Schedules;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;

/**
 * Video calls between two browser contexts with Chromium's fake camera and microphone: a call that really connects
 * and plays the other side's video, a declined call and a call to someone who is not online.
 */
@IntegrationTest
// needs the realtime server module; on a branch without it there is nothing live to drive
// the test profile rings for 2 s so the server's no-answer path is quick to test; a person needs a human ring time
@TestPropertySource(properties = "healthconnect.calls.ring-timeout=45s")
class VideoCallBrowserIT {

	static final String ZONE = "Europe/Berlin";

	/** Records, in the page, when the call-state element first reads {@code connected} and when Answer is clicked. */
	static final String CALL_PROBE = """
			() => {
			  window.__connectedAt = null;
			  window.__answerAt = null;
			  const check = () => {
			    const s = document.querySelector('[data-testid=call-state]');
			    if (window.__connectedAt === null && s && s.textContent === 'connected') window.__connectedAt = Date.now();
			  };
			  new MutationObserver(check).observe(document.body, { subtree: true, childList: true, characterData: true });
			  document.addEventListener('click', (e) => {
			    const b = e.target instanceof Element ? e.target.closest('button') : null;
			    if (b && b.textContent.trim() === 'Answer') window.__answerAt = Date.now();
			  }, true);
			}
			""";

	/**
	 * Frames are arriving: the remote video has a size, and its clock has moved on since the first poll that saw one.
	 * Synchronous, so that each poll of {@code waitForFunction} gets a plain answer (a promise would count as truthy).
	 */
	static final String REMOTE_VIDEO_PLAYING = """
			(v) => {
			  if (!(v.videoWidth > 0 && v.readyState >= 2)) return false;
			  if (v.__playingSince === undefined) v.__playingSince = v.currentTime;
			  return v.currentTime > v.__playingSince;
			}
			""";

	@RegisterExtension
	static final People people = new People();

	@LocalServerPort
	int port;

	@Test
	void patientCallsDoctorBothSidesConnectAndPlayRemoteVideoThenHangUpReturnsBothToTheirPages() throws IOException {
		Pair pair = connectedPair("Dr Omar Haddad", "General Practice", "Nora Lindqvist");

		BrowserContext doctorContext = people.person(ZONE);
		BrowserContext patientContext = people.person(ZONE);
		Page doctorPage = Ui.signIn(doctorContext, pair.doctor(), "/dashboard");
		Page patientPage = Ui.signIn(patientContext, pair.patient(), "/appointments");
		assertThat(heading(doctorPage, "Dashboard")).isVisible();
		doctorPage.evaluate(CALL_PROBE);
		patientPage.evaluate(CALL_PROBE);

		button(appointment(patientPage, "Dr Omar Haddad"), "Start video call").click();
		assertThat(patientPage.getByText("Calling Dr Omar Haddad…")).isVisible();

		Locator incoming = doctorPage.getByRole(AriaRole.DIALOG,
				new Page.GetByRoleOptions().setName("Incoming video call"));
		assertThat(incoming).isVisible(Ui.LONG);
		assertThat(incoming).containsText("Nora Lindqvist is calling you.");
		assertThat(button(incoming, "Answer")).isFocused();
		button(incoming, "Answer").click();

		Locator doctorState = doctorPage.getByTestId("call-state");
		Locator patientState = patientPage.getByTestId("call-state");
		assertThat(doctorState).hasText("connected", new LocatorAssertions.HasTextOptions().setTimeout(60_000));
		assertThat(patientState).hasText("connected", new LocatorAssertions.HasTextOptions().setTimeout(60_000));

		long answeredAt = ((Number) doctorPage.evaluate("() => window.__answerAt")).longValue();
		long doctorConnectedAt = ((Number) doctorPage.evaluate("() => window.__connectedAt")).longValue();
		long patientConnectedAt = ((Number) patientPage.evaluate("() => window.__connectedAt")).longValue();
		long setupMs = Math.max(doctorConnectedAt, patientConnectedAt) - answeredAt;
		assertThat(setupMs).as("time from Answer to connected on both sides").isBetween(0L, 60_000L);
		Files.createDirectories(Browsers.SCREENSHOTS);
		Files.writeString(Browsers.SCREENSHOTS.resolve("call-setup.txt"), "call.setup_ms=" + setupMs + "\n");

		for (Page page : new Page[] { doctorPage, patientPage }) {
			Locator remote = page.getByLabel("Remote video", new Page.GetByLabelOptions().setExact(true));
			page.waitForFunction("v => (" + REMOTE_VIDEO_PLAYING + ")(v)", remote.elementHandle(),
					new Page.WaitForFunctionOptions().setTimeout(45_000).setPollingInterval(250));
			Number width = (Number) remote.evaluate("v => v.videoWidth");
			assertThat(width.intValue()).as("remote video width").isPositive();
			Number localWidth = (Number) page.getByLabel("Your camera", new Page.GetByLabelOptions().setExact(true))
				.evaluate("v => v.videoWidth");
			assertThat(localWidth.intValue()).as("own camera preview width").isPositive();
			assertThat(page.getByRole(AriaRole.STATUS).getByText("Connected", new Locator.GetByTextOptions()
				.setExact(true))).isVisible();
		}
		Browsers.screenshot(patientPage, "call-patient");
		Browsers.screenshot(doctorPage, "call-doctor");

		button(patientPage, "Hang up").click();
		assertThat(patientState).isHidden();
		// "Call ended." closes by itself after a few seconds, so it is not asserted here
		assertThat(heading(patientPage, "My appointments")).isVisible();
		assertThat(doctorState).isHidden(new LocatorAssertions.IsHiddenOptions().setTimeout(45_000));
		assertThat(doctorPage.getByText("Nora Lindqvist ended the call.")).isVisible();
		assertThat(heading(doctorPage, "Dashboard")).isVisible();
		// the page under the call is usable again
		assertThat(button(appointment(doctorPage, "Nora Lindqvist"), "Start video call")).isEnabled();
		assertThat(button(appointment(patientPage, "Dr Omar Haddad"), "Start video call")).isEnabled();
	}

	@Test
	void doctorDeclinesAndTheCallerIsToldSo() {
		Pair pair = connectedPair("Dr Aiko Tanaka", "Neurology", "Felix Moreau");

		BrowserContext doctorContext = people.person(ZONE);
		BrowserContext patientContext = people.person(ZONE);
		Page doctorPage = Ui.signIn(doctorContext, pair.doctor(), "/dashboard");
		Page patientPage = Ui.signIn(patientContext, pair.patient(), "/appointments");

		button(appointment(patientPage, "Dr Aiko Tanaka"), "Start video call").click();
		Locator incoming = doctorPage.getByRole(AriaRole.DIALOG,
				new Page.GetByRoleOptions().setName("Incoming video call"));
		assertThat(incoming).isVisible(Ui.LONG);
		button(incoming, "Decline").click();

		assertThat(incoming).isHidden();
		assertThat(patientPage.getByText("Dr Aiko Tanaka declined the call.")).isVisible(Ui.LONG);
		assertThat(patientPage.getByTestId("call-state")).isHidden();
		assertThat(heading(patientPage, "My appointments")).isVisible();
		Browsers.screenshot(patientPage, "call-declined");
	}

	@Test
	void callerHangsUpWhileItRingsAndTheCalleeStopsRinging() {
		Pair pair = connectedPair("Dr Hana Novak", "Psychiatry", "Elif Demir");
		BrowserContext doctorContext = people.person(ZONE);
		BrowserContext patientContext = people.person(ZONE);
		Page doctorPage = Ui.signIn(doctorContext, pair.doctor(), "/dashboard");
		Page patientPage = Ui.signIn(patientContext, pair.patient(), "/appointments");

		button(appointment(patientPage, "Dr Hana Novak"), "Start video call").click();
		Locator incoming = doctorPage.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Incoming video call"));
		assertThat(incoming).isVisible(Ui.LONG);
		button(patientPage, "Hang up").click();

		// well before any ring timeout: the caller's hang-up reaches the callee
		assertThat(incoming).isHidden(new LocatorAssertions.IsHiddenOptions().setTimeout(15_000));
		assertThat(doctorPage.getByText("Missed call from Elif Demir.")).isVisible();
		// and the caller may call again at once
		button(appointment(patientPage, "Dr Hana Novak"), "Start video call").click();
		assertThat(incoming).isVisible(Ui.LONG);
		button(incoming, "Decline").click();
		assertThat(patientPage.getByText("Dr Hana Novak declined the call.")).isVisible(Ui.LONG);
	}

	@Test
	void callingSomeoneWhoIsNotOnlineSaysSoPlainly() {
		Pair pair = connectedPair("Dr Sofia Reyes", "Pediatrics", "Jonas Weber");

		BrowserContext patientContext = people.person(ZONE);
		Page patientPage = Ui.signIn(patientContext, pair.patient(), "/appointments");
		button(appointment(patientPage, "Dr Sofia Reyes"), "Start video call").click();

		assertThat(patientPage.getByText("Dr Sofia Reyes is offline right now.")).isVisible(Ui.LONG);
		assertThat(patientPage.getByTestId("call-state")).isHidden();
		Browsers.screenshot(patientPage, "call-offline");
	}

	/** A doctor and a patient with an accepted video appointment a few days ahead. */
	Pair connectedPair(String doctorName, String specialization, String patientName) {
		ApiClient doctor = Schedules.doctorWithSchedule(port, doctorName, specialization, ZONE);
		ApiClient patient = new ApiClient(port).registerPatient(patientName);
		LocalDate date = Schedules.inDays(ZONE, 5);
		Ui.bookAndAccept(doctor, patient, date, "09:30");
		return new Pair(doctor, patient);
	}

	record Pair(ApiClient doctor, ApiClient patient) {
	}
}
