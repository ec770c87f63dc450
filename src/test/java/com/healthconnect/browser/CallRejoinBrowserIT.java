package com.healthconnect.browser;

import static com.healthconnect.browser.Ui.button;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
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

import tools.jackson.databind.JsonNode;

/**
 * A consultation that survives the network, in two Chromium contexts with fake devices: the patient's page reloads
 * mid-call and the call comes back by itself; the patient leaves and does not come back in time, and both sides are
 * told the call dropped. Prints (and writes to {@code target/screenshots/call-rejoin.txt}) Answer → first remote
 * frame and drop → media flowing again.
 */
@IntegrationTest
@TestPropertySource(properties = { "healthconnect.calls.ring-timeout=45s", "healthconnect.calls.rejoin-grace=10s",
		"healthconnect.calls.ring-sweep=1s" })
class CallRejoinBrowserIT {

	static final String ZONE = "Europe/Berlin";

	@RegisterExtension
	static final People people = new People();

	@LocalServerPort
	int port;

	@Test
	void reloadingThePatientsPageMidCallResumesTheCallWithoutAClickAndLogsOneCall() throws IOException {
		Call call = answeredCall("Dr Lena Vogt", "Amir Khan");
		long answerToFirstFrame = CallProbe.toFirstFrames(call.doctorPage, call.patientPage, call.answeredAt);

		long droppedAt = System.currentTimeMillis();
		call.patientPage.reload();
		// no click anywhere: both sides play the other's video again
		CallProbe.awaitRemotePlaying(call.patientPage);
		call.doctorPage.waitForFunction("t => window.__firstFrames.some((f) => f > t)", (double) droppedAt,
				new Page.WaitForFunctionOptions().setTimeout(45_000).setPollingInterval(50));
		CallProbe.awaitRemotePlaying(call.doctorPage);
		long backAt = Math.max(CallProbe.firstFrameAfter(call.doctorPage, droppedAt),
				CallProbe.firstFrameAfter(call.patientPage, droppedAt));
		long dropToMedia = backAt - droppedAt;
		// the doctor was told, and kept the patient's last picture on screen meanwhile
		assertThat(CallProbe.sawReconnectingWithPicture(call.doctorPage)).as("doctor saw Reconnecting… over a frozen picture")
			.isTrue();
		for (Page page : new Page[] { call.doctorPage, call.patientPage }) {
			assertThat(page.getByTestId("call-state"))
				.hasText("connected", new LocatorAssertions.HasTextOptions().setTimeout(30_000));
			assertThat(page.getByRole(AriaRole.STATUS).getByText("Connected", new Locator.GetByTextOptions()
				.setExact(true))).isVisible();
		}
		Browsers.screenshot(call.doctorPage, "call-rejoined-doctor");
		Browsers.screenshot(call.patientPage, "call-rejoined-patient");
		report("answer_to_first_remote_frame_ms=" + answerToFirstFrame, "reload_to_media_flowing_ms=" + dropToMedia);
		assertThat(answerToFirstFrame).isBetween(0L, 30_000L);
		assertThat(dropToMedia).isBetween(0L, 30_000L);

		button(call.patientPage, "Hang up").click();
		assertThat(call.doctorPage.getByText("Amir Khan ended the call.")).isVisible(Ui.LONG);
		JsonNode log = call.doctor.get("/api/calls").json();
		assertThat(log.get("totalElements").asInt()).as("one call in the log, not two").isEqualTo(1);
		assertThat(log.get("content").get(0).get("outcome").asString()).isEqualTo("completed");
	}

	@Test
	void aPatientWhoLeavesMidCallAndDoesNotComeBackInTimeLeavesBothSidesToldTheCallDropped() {
		Call call = answeredCall("Dr Jana Horak", "Leo Brandt");

		// the patient's page goes away (its socket with it) and nothing rejoins
		call.patientPage.navigate("about:blank");
		assertThat(call.doctorPage.getByRole(AriaRole.STATUS).getByText("Reconnecting…", new Locator.GetByTextOptions()))
			.isVisible(Ui.LONG);
		// after the grace (10 s here) the doctor is told, in plain words
		assertThat(call.doctorPage.getByText("The call dropped: the connection to Leo Brandt was lost and did not come back."))
			.isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(40_000));
		assertThat(call.doctorPage.getByTestId("call-state")).isHidden();

		// the patient comes back to the same tab later: the call is over, and it says so
		call.patientPage.navigate("/appointments");
		assertThat(call.patientPage.getByText("The call dropped: the connection to Dr Jana Horak was lost and did not come back."))
			.isVisible(Ui.LONG);
		assertThat(call.patientPage.getByTestId("call-state")).isHidden();
		Browsers.screenshot(call.doctorPage, "call-dropped-doctor");

		JsonNode log = call.doctor.get("/api/calls").json();
		assertThat(log.get("totalElements").asInt()).isEqualTo(1);
		assertThat(log.get("content").get(0).get("outcome").asString()).isEqualTo("dropped");
	}

	/** The patient calls the doctor, who answers; both play the other's video. */
	Call answeredCall(String doctorName, String patientName) {
		ApiClient doctor = Schedules.doctorWithSchedule(port, doctorName, "General Practice", ZONE);
		ApiClient patient = new ApiClient(port).registerPatient(patientName);
		LocalDate date = Schedules.inDays(ZONE, 5);
		Ui.bookAndAccept(doctor, patient, date, "09:30");
		BrowserContext doctorContext = people.person(ZONE);
		BrowserContext patientContext = people.person(ZONE);
		doctorContext.addInitScript(CallProbe.SCRIPT);
		patientContext.addInitScript(CallProbe.SCRIPT);
		Page doctorPage = Ui.signIn(doctorContext, doctor, "/dashboard");
		Page patientPage = Ui.signIn(patientContext, patient, "/appointments");

		long answeredAt = CallProbe.patientCallsDoctorAnswers(doctorPage, patientPage, doctorName);
		return new Call(doctor, patient, doctorPage, patientPage, answeredAt);
	}

	/** Prints the figures to the test output and appends them to {@code target/screenshots/call-rejoin.txt}. */
	static void report(String... figures) throws IOException {
		Files.createDirectories(Browsers.SCREENSHOTS);
		for (String figure : figures) {
			System.out.println("[call-timing] " + figure);
			Files.writeString(Browsers.SCREENSHOTS.resolve("call-rejoin.txt"), figure + "\n", StandardOpenOption.CREATE,
					StandardOpenOption.APPEND);
		}
	}

	record Call(ApiClient doctor, ApiClient patient, Page doctorPage, Page patientPage, long answeredAt) {
	}
}
