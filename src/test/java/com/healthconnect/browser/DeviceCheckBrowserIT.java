package com.healthconnect.browser;

import static com.healthconnect.browser.Ui.button;
import static com.healthconnect.browser.Ui.heading;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.healthconnect.support.ApiClient;
import com.healthconnect.support.Browsers;
import com.healthconnect.support.IntegrationTest;
import com.healthconnect.support.Schedules;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;

/**
 * The device check a patient runs days before a video visit, in Chromium with its fake camera and microphone: reached
 * from the appointments list and from the account page, the preview really plays, the microphone level moves above
 * zero, the speaker test answers; the same in German on a phone without text running off the screen, and no serious or
 * critical axe violation in either language. Screenshots: {@code device-check-page-<width>-<language>.png}.
 */
@IntegrationTest
class DeviceCheckBrowserIT {

	static final String ZONE = "Europe/Berlin";

	/** The preview element is showing live frames: playing, with a picture, and its clock running. */
	static final String PREVIEW_PLAYING = """
			() => {
			  const v = document.querySelector('.device-check video');
			  return !!v && !v.paused && v.readyState >= 2 && v.videoWidth > 0 && v.currentTime > 0;
			}""";

	/** The microphone level meter has shown something above silence (Chromium's fake microphone beeps). */
	static final String LEVEL_ABOVE_ZERO = """
			() => {
			  const m = document.getElementById('device-check-level');
			  return !!m && m.value > 0 ? m.value : false;
			}""";

	/** Nothing is wider than the screen: no sideways scrolling, no text cut off at the right. */
	static final String OVERFLOW = """
			() => {
			  const width = document.documentElement.clientWidth;
			  const wide = [...document.querySelectorAll('main *')]
			    .filter((e) => e.getBoundingClientRect().right > width + 1 || e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'hidden')
			    .map((e) => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ')[0] : '') + ': ' + (e.textContent || '').trim().slice(0, 40));
			  return { scroll: document.documentElement.scrollWidth - width, wide };
			}""";

	@RegisterExtension
	static final People people = new People();

	@LocalServerPort
	int port;

	@Test
	void patientChecksCameraMicrophoneAndSpeakersBeforeTheVisitInEnglishAndGerman() throws IOException {
		ApiClient doctor = Schedules.doctorWithSchedule(port, "Dr Clara Check", "General Practice", ZONE);
		ApiClient patient = new ApiClient(port).registerPatient("Paul Prepared");
		Ui.bookAndAccept(doctor, patient, Schedules.inDays(ZONE, 3), "09:00");

		BrowserContext context = people.person(ZONE);
		context.addInitScript(Files.readString(AccessibilityBrowserIT.AXE, StandardCharsets.UTF_8));
		Page page = Ui.signIn(context, patient, "/appointments");

		// days before the visit, from the appointments list: there is no "Join" yet, but the check is offered
		assertThat(button(page, "Join")).hasCount(0);
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Test your camera and microphone")).click();
		assertThat(heading(page, "Test your camera and microphone")).isVisible();
		assertWorking(page);
		button(page, "Play a test sound").click();
		assertThat(page.getByText("You should hear a short tone")).isVisible();
		assertNoSeriousViolations(page, "English, desk");
		Browsers.screenshot(page, "device-check-page-1280-en");
		button(page, "Done").click();
		assertThat(page).hasURL(java.util.regex.Pattern.compile("/appointments$"));

		// from the account page, in German, on a phone
		page.evaluate("() => localStorage.setItem('hc.language', 'de')");
		page.setViewportSize(390, 844);
		page.navigate("/account");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Kamera und Mikrofon testen")).click();
		assertThat(heading(page, "Kamera und Mikrofon testen")).isVisible();
		assertThat(page.locator("html")).hasAttribute("lang", "de");
		assertWorking(page);
		assertThat(page.getByText("Die Kamera funktioniert: Sie sollten sich selbst sehen.")).isVisible();
		assertThat(page.getByLabel("Vorschau Ihrer Kamera")).isVisible();
		button(page, "Testton abspielen").click();
		assertThat(page.getByText("Sie sollten einen kurzen Ton hören")).isVisible();
		assertFitsTheScreen(page, "German, phone");
		assertNoSeriousViolations(page, "German, phone");
		Browsers.screenshot(page, "device-check-page-390-de");
		button(page, "Fertig").click();
		assertThat(heading(page, "Konto")).isVisible();

		// and the English page on a phone, for the screenshot beside the German one
		page.evaluate("() => localStorage.setItem('hc.language', 'en')");
		page.navigate("/device-check");
		assertWorking(page);
		assertFitsTheScreen(page, "English, phone");
		Browsers.screenshot(page, "device-check-page-390-en");
	}

	/** Camera and microphone report working, the preview plays and the level has moved above zero. */
	private static void assertWorking(Page page) {
		assertThat(page.getByTestId("camera-status")).hasAttribute("data-status", "ok",
				new LocatorAssertions.HasAttributeOptions().setTimeout(20_000));
		assertThat(page.getByTestId("microphone-status")).hasAttribute("data-status", "ok");
		page.waitForFunction(PREVIEW_PLAYING, null, new Page.WaitForFunctionOptions().setTimeout(20_000));
		Object level = page.waitForFunction(LEVEL_ABOVE_ZERO, null, new Page.WaitForFunctionOptions().setTimeout(20_000))
			.jsonValue();
		assertThat(((Number) level).doubleValue()).as("microphone level").isGreaterThan(0);
	}

	private static void assertFitsTheScreen(Page page, String where) {
		@SuppressWarnings("unchecked")
		Map<String, Object> overflow = (Map<String, Object>) page.evaluate(OVERFLOW);
		assertThat(((Number) overflow.get("scroll")).intValue()).as("sideways scroll, " + where).isLessThanOrEqualTo(0);
		assertThat((List<?>) overflow.get("wide")).as("elements past the right edge, " + where).isEmpty();
	}

	private static void assertNoSeriousViolations(Page page, String where) {
		@SuppressWarnings("unchecked")
		Map<String, Object> axe = (Map<String, Object>) page.evaluate(AccessibilityBrowserIT.RUN_AXE);
		assertThat((List<?>) axe.get("bad")).as("serious or critical axe violations on the device check, " + where)
			.isEmpty();
	}

}
