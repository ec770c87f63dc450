package com.healthconnect.browser;

import static com.healthconnect.browser.Ui.appointment;
import static com.healthconnect.browser.Ui.button;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.healthconnect.scaleout.EmbeddedArtemis;
import com.healthconnect.scaleout.TwoInstances;
import com.healthconnect.support.ApiClient;
import com.healthconnect.support.Browsers;
import com.healthconnect.support.Schedules;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;

/**
 * The doctor's page on one instance and the patient's on another, relayed through a broker: a real WebRTC call
 * between two Chromium contexts connects, plays the other side's video and hangs up on both sides.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossInstanceCallBrowserIT {

	static final String ZONE = "Europe/Berlin";

	TwoInstances cluster;
	Browsers browsers;
	int portA;
	int portB;

	@BeforeAll
	void start() throws Exception {
		cluster = new TwoInstances(new EmbeddedArtemis());
		Map<String, Object> humanRing = Map.of("healthconnect.calls.ring-timeout", "45s");
		portA = TwoInstances.port(cluster.start(humanRing));
		portB = TwoInstances.port(cluster.start(humanRing));
		Ui.setDefaultTimeouts();
		browsers = Browsers.launch();
	}

	@AfterAll
	void stop() throws Exception {
		if (browsers != null) {
			browsers.close();
		}
		if (cluster != null) {
			cluster.close();
		}
	}

	@Test
	void aCallBetweenADoctorOnOneInstanceAndAPatientOnTheOtherConnects() {
		ApiClient doctor = Schedules.doctorWithSchedule(portA, "Dr Ines Duarte", "General Practice", ZONE);
		ApiClient patient = new ApiClient(portB).registerPatient("Tomas Berg");
		LocalDate date = Schedules.inDays(ZONE, 5);
		Ui.bookAndAccept(doctor, patient, date, "09:30");

		BrowserContext doctorContext = Ui.person(browsers, portA, ZONE);
		BrowserContext patientContext = Ui.person(browsers, portB, ZONE);
		try {
			Page doctorPage = Ui.signIn(doctorContext, doctor, "/dashboard");
			Page patientPage = Ui.signIn(patientContext, patient, "/appointments");

			button(appointment(patientPage, "Dr Ines Duarte"), "Start video call").click();
			Locator incoming = doctorPage.getByRole(AriaRole.DIALOG,
					new Page.GetByRoleOptions().setName("Incoming video call"));
			assertThat(incoming).isVisible(Ui.LONG);
			assertThat(incoming).containsText("Tomas Berg is calling you.");
			button(incoming, "Answer").click();

			for (Page page : new Page[] { doctorPage, patientPage }) {
				assertThat(page.getByTestId("call-state"))
					.hasText("connected", new LocatorAssertions.HasTextOptions().setTimeout(60_000));
				Locator remote = page.getByLabel("Remote video", new Page.GetByLabelOptions().setExact(true));
				page.waitForFunction("v => (" + VideoCallBrowserIT.REMOTE_VIDEO_PLAYING + ")(v)",
						remote.elementHandle(),
						new Page.WaitForFunctionOptions().setTimeout(45_000).setPollingInterval(250));
			}
			Browsers.screenshot(doctorPage, "cross-instance-call-doctor");

			button(patientPage, "Hang up").click();
			assertThat(doctorPage.getByTestId("call-state"))
				.isHidden(new LocatorAssertions.IsHiddenOptions().setTimeout(45_000));
			assertThat(doctorPage.getByText("Tomas Berg ended the call.")).isVisible();
		}
		finally {
			doctorContext.close();
			patientContext.close();
		}
	}

	/**
	 * The patient reaches the app through a stand-in load balancer, first to instance B; mid-call B's connections drop
	 * and the balancer sends the patient to A: the patient's new socket rejoins the call there, and the two renegotiate.
	 */
	@Test
	void aPatientWhoseConnectionMovesToTheOtherInstanceRejoinsTheCallThere() throws Exception {
		ApiClient doctor = Schedules.doctorWithSchedule(portA, "Dr Rhea Castell", "General Practice", ZONE);
		ApiClient patient = new ApiClient(portB).registerPatient("Oskar Lind");
		LocalDate date = Schedules.inDays(ZONE, 6);
		Ui.bookAndAccept(doctor, patient, date, "09:30");

		try (SwitchableProxy balancer = new SwitchableProxy(portB)) {
			BrowserContext doctorContext = Ui.person(browsers, portA, ZONE);
			BrowserContext patientContext = Ui.person(browsers, balancer.port(), ZONE);
			doctorContext.addInitScript(CallProbe.SCRIPT);
			patientContext.addInitScript(CallProbe.SCRIPT);
			try {
				Page doctorPage = Ui.signIn(doctorContext, doctor, "/dashboard");
				Page patientPage = Ui.signIn(patientContext, patient, "/appointments");
				CallProbe.patientCallsDoctorAnswers(doctorPage, patientPage, "Dr Rhea Castell");

				long movedAt = System.currentTimeMillis();
				balancer.switchTo(portA);
				for (Page page : new Page[] { doctorPage, patientPage }) {
					page.waitForFunction("t => window.__firstFrames.some((f) => f > t)", (double) movedAt,
							new Page.WaitForFunctionOptions().setTimeout(45_000).setPollingInterval(50));
					CallProbe.awaitRemotePlaying(page);
					assertThat(page.getByTestId("call-state"))
						.hasText("connected", new LocatorAssertions.HasTextOptions().setTimeout(30_000));
				}
				long back = Math.max(CallProbe.firstFrameAfter(doctorPage, movedAt),
						CallProbe.firstFrameAfter(patientPage, movedAt));
				CallRejoinBrowserIT.report("cross_instance_drop_to_media_flowing_ms=" + (back - movedAt));
				Browsers.screenshot(doctorPage, "cross-instance-rejoin-doctor");

				button(patientPage, "Hang up").click();
				assertThat(doctorPage.getByText("Oskar Lind ended the call.")).isVisible(Ui.LONG);
				org.assertj.core.api.Assertions.assertThat(doctor.get("/api/calls").json().get("totalElements").asInt())
					.isEqualTo(1);
			}
			finally {
				doctorContext.close();
				patientContext.close();
			}
		}
	}
}
