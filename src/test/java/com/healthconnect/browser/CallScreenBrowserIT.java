package com.healthconnect.browser;

import static com.healthconnect.browser.Ui.appointment;
import static com.healthconnect.browser.Ui.button;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

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
 * The call screen tells the truth, between two browser contexts with Chromium's fake camera, microphone and screen:
 * one side's camera off, microphone off and screen sharing show on the other side, the connection quality shows a
 * level in words, and the chat beside the call reaches the other person. axe finds nothing serious on the call screen.
 */
@IntegrationTest
@TestPropertySource(properties = "healthconnect.calls.ring-timeout=45s")
class CallScreenBrowserIT {

	static final String ZONE = "Europe/Berlin";

	static final LocatorAssertions.ContainsTextOptions SOON = new LocatorAssertions.ContainsTextOptions()
		.setTimeout(20_000);

	@RegisterExtension
	static final People people = new People();

	@LocalServerPort
	int port;

	@Test
	void cameraOffMuteAndScreenSharingOnOneSideShowOnTheOtherAndTheQualityShowsALevel() throws IOException {
		Call call = connectedCall("Dr Lena Brandt", "Dermatology", "Tomas Novak");
		Page doctor = call.doctor();
		Page patient = call.patient();
		Locator whatPatientSends = doctor.getByRole(AriaRole.STATUS,
				new Page.GetByRoleOptions().setName("What Tomas Novak sends"));
		Locator remote = doctor.getByLabel("Remote video", new Page.GetByLabelOptions().setExact(true));

		for (Page page : new Page[] { doctor, patient }) {
			Locator quality = page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions()
				.setHasText(Pattern.compile("^Connection: (good|fair|poor)$")));
			assertThat(quality).isVisible(Ui.LONG);
		}
		assertThat(whatPatientSends).not().containsText("Camera off");
		assertThat(whatPatientSends).not().containsText("Muted");

		button(patient, "Camera").click();
		assertThat(whatPatientSends).containsText("Camera off", SOON);
		button(patient, "Microphone").click();
		assertThat(whatPatientSends).containsText("Muted", SOON);
		Browsers.screenshot(doctor, "call-screen-peer-camera-off-muted");
		button(patient, "Camera").click();
		assertThat(whatPatientSends).not().containsText("Camera off", SOON);
		assertThat(whatPatientSends).containsText("Muted");

		double cameraAspect = aspect(doctor, remote);
		button(patient, "Share screen").click();
		assertThat(button(patient, "Stop sharing")).isVisible();
		Locator ownScreen = patient.getByLabel("Your shared screen", new Page.GetByLabelOptions().setExact(true));
		assertThat(ownScreen).isVisible();
		double screenAspect = aspect(patient, ownScreen);
		assertThat(Math.abs(screenAspect - cameraAspect)).as("Chromium's fake screen is shaped unlike its fake camera")
			.isGreaterThan(0.1);
		assertThat(whatPatientSends).containsText("Sharing their screen", SOON);
		// the doctor's picture of the patient turns into the patient's screen
		waitForRemoteAspect(doctor, remote, screenAspect);
		Browsers.screenshot(doctor, "call-screen-peer-sharing");

		button(patient, "Stop sharing").click();
		assertThat(whatPatientSends).not().containsText("Sharing their screen", SOON);
		waitForRemoteAspect(doctor, remote, cameraAspect);

		List<?> bad = axeSeriousViolations(doctor);
		assertThat(bad).as("serious or critical axe violations on the call screen").isEmpty();
		button(patient, "Hang up").click();
		assertThat(doctor.getByText("Tomas Novak ended the call.")).isVisible(Ui.LONG);
		assertThat(doctor.locator(".toast--warn")).hasCount(0);
	}

	@Test
	void theChatBesideTheCallReachesTheOtherPerson() throws IOException {
		Call call = connectedCall("Dr Ines Moreau", "Cardiology", "Karl Sorensen");
		Page doctor = call.doctor();
		Page patient = call.patient();

		button(doctor, "Chat").click();
		Locator doctorChat = doctor.getByRole(AriaRole.COMPLEMENTARY, new Page.GetByRoleOptions().setName("Chat"));
		assertThat(doctorChat).isVisible();
		doctorChat.getByLabel("Message", new Locator.GetByLabelOptions().setExact(true))
			.fill("Please hold the lab result up to the camera.");
		button(doctorChat, "Send").click();

		button(patient, "Chat").click();
		Locator patientChat = patient.getByRole(AriaRole.COMPLEMENTARY, new Page.GetByRoleOptions().setName("Chat"));
		assertThat(patientChat).containsText("Please hold the lab result up to the camera.", SOON);
		// the call goes on beside the chat
		assertThat(patient.getByTestId("call-state")).hasText("connected");
		List<?> bad = axeSeriousViolations(patient);
		assertThat(bad).as("serious or critical axe violations on the call screen with the chat open").isEmpty();
		Browsers.screenshot(patient, "call-screen-chat");
	}

	/** Width over height of what a video element plays, once it plays something. */
	private static double aspect(Page page, Locator video) {
		page.waitForFunction("v => v.readyState >= 2 && v.videoWidth > 0 && v.videoHeight > 0", video.elementHandle(),
				new Page.WaitForFunctionOptions().setTimeout(45_000).setPollingInterval(250));
		return ((Number) video.evaluate("v => v.videoWidth / v.videoHeight")).doubleValue();
	}

	private static void waitForRemoteAspect(Page page, Locator video, double aspect) {
		page.waitForFunction("([v, a]) => v.readyState >= 2 && v.videoHeight > 0 && Math.abs(v.videoWidth / v.videoHeight - a) < 0.03",
				List.of(video.elementHandle(), aspect),
				new Page.WaitForFunctionOptions().setTimeout(45_000).setPollingInterval(250));
	}

	private static List<?> axeSeriousViolations(Page page) throws IOException {
		page.evaluate(Files.readString(AccessibilityBrowserIT.AXE, StandardCharsets.UTF_8));
		Object result = page.evaluate(AccessibilityBrowserIT.RUN_AXE);
		return (List<?>) ((Map<?, ?>) result).get("bad");
	}

	/** A doctor and a patient with an accepted appointment, the patient has called and both are connected. */
	private Call connectedCall(String doctorName, String specialization, String patientName) {
		ApiClient doctorApi = Schedules.doctorWithSchedule(port, doctorName, specialization, ZONE);
		ApiClient patientApi = new ApiClient(port).registerPatient(patientName);
		LocalDate date = Schedules.inDays(ZONE, 5);
		Ui.bookAndAccept(doctorApi, patientApi, date, "09:30");

		BrowserContext doctorContext = people.person(ZONE);
		BrowserContext patientContext = people.person(ZONE);
		Page doctor = Ui.signIn(doctorContext, doctorApi, "/dashboard");
		Page patient = Ui.signIn(patientContext, patientApi, "/appointments");
		button(appointment(patient, doctorName), "Start video call").click();
		Locator incoming = doctor.getByRole(AriaRole.DIALOG,
				new Page.GetByRoleOptions().setName("Incoming video call"));
		assertThat(incoming).isVisible(Ui.LONG);
		button(incoming, "Answer").click();
		for (Page page : new Page[] { doctor, patient }) {
			assertThat(page.getByTestId("call-state")).hasText("connected",
					new LocatorAssertions.HasTextOptions().setTimeout(60_000));
		}
		return new Call(doctor, patient);
	}

	record Call(Page doctor, Page patient) {
	}
}
