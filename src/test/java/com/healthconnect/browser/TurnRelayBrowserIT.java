package com.healthconnect.browser;

import static com.healthconnect.browser.Ui.appointment;
import static com.healthconnect.browser.Ui.button;
import static com.healthconnect.browser.Ui.heading;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.healthconnect.support.ApiClient;
import com.healthconnect.support.IntegrationTest;
import com.healthconnect.support.PrivateCoturn;
import com.healthconnect.support.Schedules;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;

/**
 * Calls relayed through TURN: the app hands out coturn REST-API credentials for a private coturn on 127.0.0.1 and
 * asks browsers for relay candidates only ({@code healthconnect.turn.relay-only}), so a call that connects has gone
 * through the relay with the app's credentials, which {@code getStats} confirms. With coturn on another secret the call
 * ends at once, saying why.
 */
@IntegrationTest
@EnabledIf(value = "com.healthconnect.support.PrivateCoturn#installed", disabledReason = PrivateCoturn.NOT_INSTALLED)
class TurnRelayBrowserIT {

	static final String ZONE = "Europe/Berlin";
	static final String APP_SECRET = "turn-relay-browser-it-secret";

	/** Keeps every RTCPeerConnection the page makes, so the test can read its stats. */
	static final String RECORD_PEER_CONNECTIONS = """
			(() => {
			  const Original = window.RTCPeerConnection;
			  window.__pcs = [];
			  const Recorded = function (...args) {
			    const pc = new Original(...args);
			    window.__pcs.push(pc);
			    return pc;
			  };
			  Recorded.prototype = Original.prototype;
			  Object.setPrototypeOf(Recorded, Original);
			  window.RTCPeerConnection = Recorded;
			})();
			""";

	/** The candidate types of the selected pair of the latest connection, and the policy it was made with. */
	static final String SELECTED_PAIR = """
			async () => {
			  const pc = window.__pcs[window.__pcs.length - 1];
			  const stats = await pc.getStats();
			  let pair = null;
			  stats.forEach((r) => {
			    if (r.type === 'transport' && r.selectedCandidatePairId) pair = stats.get(r.selectedCandidatePairId);
			  });
			  if (!pair) return { policy: pc.getConfiguration().iceTransportPolicy };
			  const local = stats.get(pair.localCandidateId);
			  const remote = stats.get(pair.remoteCandidateId);
			  return {
			    policy: pc.getConfiguration().iceTransportPolicy,
			    state: pair.state,
			    local: local.candidateType,
			    remote: remote.candidateType,
			    localAddress: local.address,
			    bytesReceived: pair.bytesReceived,
			  };
			}
			""";

	static final PrivateCoturn coturn = new PrivateCoturn();

	@RegisterExtension
	static final People people = new People("--disable-features=WebRtcHideLocalIpsWithMdns");

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void turnServer(DynamicPropertyRegistry registry) throws Exception {
		coturn.start(APP_SECRET);
		registry.add("healthconnect.turn.urls", coturn::url);
		registry.add("healthconnect.turn.secret", () -> APP_SECRET);
		registry.add("healthconnect.turn.relay-only", () -> "true");
		// no public STUN server: nothing but the relay may produce a candidate
		registry.add("healthconnect.stun.urls", () -> "stun:127.0.0.1:" + coturn.port());
		registry.add("healthconnect.calls.ring-timeout", () -> "45s");
	}

	@AfterAll
	static void stopCoturn() throws Exception {
		coturn.close();
	}

	@Test
	void relayOnlyCallConnectsOnARelayToRelayPairWithTheAppsCredentials() throws Exception {
		coturn.start(APP_SECRET);
		Pair pair = connectedPair("Dr Lena Brandt", "Cardiology", "Tomas Varga");
		Page doctorPage = signIn(pair.doctor(), "/dashboard");
		Page patientPage = signIn(pair.patient(), "/appointments");

		button(appointment(patientPage, "Dr Lena Brandt"), "Start video call").click();
		Locator incoming = doctorPage.getByRole(AriaRole.DIALOG,
				new Page.GetByRoleOptions().setName("Incoming video call"));
		assertThat(incoming).isVisible(Ui.LONG);
		button(incoming, "Answer").click();

		for (Page page : new Page[] { doctorPage, patientPage }) {
			assertThat(page.getByTestId("call-state")).hasText("connected",
					new LocatorAssertions.HasTextOptions().setTimeout(60_000));
			Locator remote = page.getByLabel("Remote video", new Page.GetByLabelOptions().setExact(true));
			page.waitForFunction("v => (" + VideoCallBrowserIT.REMOTE_VIDEO_PLAYING + ")(v)", remote.elementHandle(),
					new Page.WaitForFunctionOptions().setTimeout(45_000).setPollingInterval(250));
			@SuppressWarnings("unchecked")
			Map<String, Object> selected = (Map<String, Object>) page.evaluate(SELECTED_PAIR);
			assertThat(selected).as("the selected candidate pair").containsEntry("policy", "relay")
				.containsEntry("state", "succeeded")
				.containsEntry("local", "relay")
				.containsEntry("remote", "relay")
				.containsEntry("localAddress", "127.0.0.1");
			assertThat(((Number) selected.get("bytesReceived")).longValue()).isPositive();
		}
		// coturn allocated for both people, each with the username the app made for them
		assertThat(coturn.allocatedFor(pair.patient().userId())).as("patient's allocation; coturn log:%n%s", coturn.log())
			.isTrue();
		assertThat(coturn.allocatedFor(pair.doctor().userId())).as("doctor's allocation").isTrue();

		button(patientPage, "Hang up").click();
		assertThat(doctorPage.getByTestId("call-state")).isHidden(new LocatorAssertions.IsHiddenOptions().setTimeout(45_000));
	}

	@Test
	void relayRefusingTheCredentialsEndsTheCallAtOnceSayingWhy() throws Exception {
		coturn.start("a-secret-the-app-does-not-know");
		Pair pair = connectedPair("Dr Jonas Keller", "Dermatology", "Maya Lindgren");
		Page doctorPage = signIn(pair.doctor(), "/dashboard");
		Page patientPage = signIn(pair.patient(), "/appointments");

		long started = System.nanoTime();
		button(appointment(patientPage, "Dr Jonas Keller"), "Start video call").click();

		Locator notice = patientPage.getByRole(AriaRole.STATUS)
			.getByText("The call could not be connected: the relay server refused our credentials.",
					new Locator.GetByTextOptions().setExact(false));
		assertThat(notice).isVisible(Ui.LONG);
		long shownMs = (System.nanoTime() - started) / 1_000_000;
		assertThat(shownMs).as("the failure is told within the ICE gathering timeout, not after a hang")
			.isLessThan(15_000);
		assertThat(patientPage.getByTestId("call-state")).isHidden();
		assertThat(heading(patientPage, "My appointments")).isVisible();
		// the doctor is not left with a call that can never connect
		assertThat(doctorPage.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Incoming video call")))
			.isHidden(new LocatorAssertions.IsHiddenOptions().setTimeout(15_000));
		assertThat(doctorPage.getByTestId("call-state")).isHidden();
		assertThat(coturn.allocatedFor(pair.patient().userId())).isFalse();
		assertThat(coturn.log()).contains("error 401");
		com.healthconnect.support.Browsers.screenshot(patientPage, "call-relay-refused");
	}

	Page signIn(ApiClient user, String next) {
		BrowserContext context = people.person(ZONE);
		context.addInitScript(RECORD_PEER_CONNECTIONS);
		return Ui.signIn(context, user, next);
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
