package com.healthconnect.browser;

import static com.healthconnect.browser.Ui.button;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.healthconnect.support.ApiClient;
import com.healthconnect.support.Browsers;
import com.healthconnect.support.Schedules;
import com.google.gson.JsonObject;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;

/**
 * Answer → first remote frame in the real web UI against the app under benchmark: a patient calls a doctor, who clicks
 * Answer, in two Chromium contexts with fake devices, timed in the pages as the browser tests do ({@link CallProbe}).
 * The first call runs in fresh pages of a fresh browser (what the browser test measures); the others follow in the
 * same pages, one after the other, as calls in a day's practice would. Lives in the browser tests' package to drive
 * the UI with their helpers; the bench's {@code CallFloorScenario} measures the same steps without the app.
 */
public final class CallSetupBench {

	static final String ZONE = "Europe/Berlin";

	/** Keeps what each call opened, so that what a hang-up leaves running can be counted. */
	static final String KEEP_WHAT_CALLS_OPEN = """
			(() => {
			  window.__streams = [];
			  const md = navigator.mediaDevices;
			  const getUserMedia = md.getUserMedia.bind(md);
			  md.getUserMedia = (c) => getUserMedia(c).then((s) => { window.__streams.push(s); return s; });
			})();
			""";

	static final String LEFT_OPEN = """
			() => ({
			  liveTracks: window.__streams.flatMap((s) => s.getTracks()).filter((t) => t.readyState === 'live').length,
			  peerConnections: window.__pcs.filter((pc) => pc.connectionState !== 'closed').length,
			})
			""";

	private CallSetupBench() {
	}

	/**
	 * What a run measured: Answer → first remote frames of the first call and of each later one (ms), and what the
	 * hang-ups left running in each page.
	 */
	public record Measured(long firstCallMs, List<Long> laterCallsMs, String doctorLeftOpen, String patientLeftOpen) {
	}

	/**
	 * Runs {@code calls} calls after the first, with {@code latencyMs} of emulated round-trip time on both pages (0:
	 * none). The app's jar must hold the web UI (built without {@code -Dfrontend.skip}).
	 */
	public static Measured run(int port, int calls, int latencyMs) {
		Ui.setDefaultTimeouts();
		ApiClient doctor = Schedules.doctorWithSchedule(port, "Dr Ada Brenner", "General Practice", ZONE);
		ApiClient patient = new ApiClient(port).registerPatient("Noah Sommer");
		LocalDate date = Schedules.inDays(ZONE, 5);
		Ui.bookAndAccept(doctor, patient, date, "09:30");
		long first = -1;
		List<Long> later = new ArrayList<>();
		try (Browsers browsers = Browsers.launch()) {
			BrowserContext doctorContext = Ui.person(browsers, port, ZONE);
			BrowserContext patientContext = Ui.person(browsers, port, ZONE);
			for (BrowserContext context : List.of(doctorContext, patientContext)) {
				context.addInitScript(CallProbe.SCRIPT);
				context.addInitScript(KEEP_WHAT_CALLS_OPEN);
				context.addInitScript(TurnRelayBrowserIT.RECORD_PEER_CONNECTIONS);
			}
			Page doctorPage = Ui.signIn(doctorContext, doctor, "/dashboard");
			Page patientPage = Ui.signIn(patientContext, patient, "/appointments");
			if (latencyMs > 0) {
				// both people on a network with this round-trip time to the app, from here on
				for (Page page : List.of(doctorPage, patientPage)) {
					CDPSession cdp = page.context().newCDPSession(page);
					cdp.send("Network.enable");
					JsonObject conditions = new JsonObject();
					conditions.addProperty("offline", false);
					conditions.addProperty("latency", latencyMs);
					conditions.addProperty("downloadThroughput", -1);
					conditions.addProperty("uploadThroughput", -1);
					cdp.send("Network.emulateNetworkConditions", conditions);
				}
			}
			for (int i = 0; i <= calls; i++) {
				long ms = call(doctorPage, patientPage, "Dr Ada Brenner");
				if (i == 0) {
					first = ms;
				}
				else {
					later.add(ms);
				}
			}
			// a call that left a camera or a connection running would slow every later one down
			return new Measured(first, later, doctorPage.evaluate(LEFT_OPEN).toString(),
					patientPage.evaluate(LEFT_OPEN).toString());
		}
	}

	/** One call from the patient's appointments page, answered on the doctor's dashboard, then hung up. */
	private static long call(Page doctorPage, Page patientPage, String doctorName) {
		long answeredAt = CallProbe.patientCallsDoctorAnswers(doctorPage, patientPage, doctorName);
		long first = CallProbe.toFirstFrames(doctorPage, patientPage, answeredAt);
		button(patientPage, "Hang up").click();
		for (Page page : new Page[] { doctorPage, patientPage }) {
			assertThat(page.getByTestId("call-state")).isHidden(new LocatorAssertions.IsHiddenOptions().setTimeout(45_000));
		}
		// the doctor's "ended the call" notice would cover the next incoming call's dialog
		doctorPage.waitForTimeout(500);
		return first;
	}
}
