package com.healthconnect.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

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
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;

/**
 * Layout a person sees, measured in Chromium at a desk (1280×800) and on a phone (390×844), in English and in German
 * (whose labels run longer): the header never gets wider than the page with a long name and an unread badge, and an
 * emergency contact's three fields sit on one line on a wide screen.
 */
@IntegrationTest
class LayoutBrowserIT {

	static final String ZONE = "Europe/Berlin";
	static final int[][] SIZES = { { 1280, 800 }, { 390, 844 } };

	@RegisterExtension
	static final People people = new People();

	@LocalServerPort
	int port;

	@Test
	void theHeaderStaysWithinThePageWithALongNameAndAnUnreadBadgeInBothLanguages() {
		ApiClient doctor = Schedules.doctorWithSchedule(port, "Dr Maximiliane Theodora von Hohenzollern-Sigmaringen",
				"Cardiology", ZONE);
		ApiClient patient = new ApiClient(port).registerPatient("Bartholomäus Alexander Wolkenstein-Rodenegg");
		Ui.bookAndAccept(doctor, patient, Schedules.inDays(ZONE, 3), "09:00");
		patient.post("/api/messages/" + doctor.userId(), Map.of("text", "Good morning, doctor."));

		for (ApiClient who : List.of(doctor, patient)) {
			BrowserContext context = people.person(ZONE);
			String home = who == doctor ? "/dashboard" : "/appointments";
			Page page = Ui.signIn(context, who, home);
			if (who == doctor) {
				assertThat(page.locator(".main-nav .count-badge").first()).isVisible();
			}
			for (String language : List.of("en", "de")) {
				page.evaluate("lng => localStorage.setItem('hc.language', lng)", language);
				for (int[] size : SIZES) {
					page.setViewportSize(size[0], size[1]);
					page.navigate(home);
					assertThat(page.locator("main h1").first()).isVisible();
					String name = "layout-header-" + who.user().get("role").asString() + "-" + language + "-" + size[0];
					Browsers.screenshot(page, name);
					@SuppressWarnings("unchecked")
					Map<String, Object> widths = (Map<String, Object>) page.evaluate("""
							() => {
							  const inner = document.querySelector('.site-header__inner');
							  return {
							    page: document.documentElement.clientWidth,
							    scroll: document.documentElement.scrollWidth,
							    header: Math.ceil(document.querySelector('.site-header').getBoundingClientRect().right),
							    innerRight: Math.ceil(inner.getBoundingClientRect().right),
							    innerScroll: inner.scrollWidth,
							    innerClient: inner.clientWidth,
							    main: Math.ceil(document.querySelector('main').getBoundingClientRect().right),
							  };
							}
							""");
					int pageWidth = ((Number) widths.get("page")).intValue();
					assertThat(((Number) widths.get("scroll")).intValue()).as(name + ": page scrolls sideways %s", widths)
						.isLessThanOrEqualTo(pageWidth);
					assertThat(((Number) widths.get("header")).intValue()).as(name + ": header %s", widths)
						.isLessThanOrEqualTo(pageWidth);
					assertThat(((Number) widths.get("innerScroll")).intValue()).as(name + ": header content %s", widths)
						.isLessThanOrEqualTo(((Number) widths.get("innerClient")).intValue());
				}
			}
		}
	}

	@Test
	void anEmergencyContactsFieldsLineUpOnAWideScreenInBothLanguages() {
		ApiClient patient = new ApiClient(port).registerPatient("Lea Kraus");
		patient.put("/api/patients/me", Map.of("emergencyContact",
				List.of(Map.of("name", "Jonas Kraus", "relationship", "Brother", "phone", "+49 30 1234567"))));
		BrowserContext context = people.person(ZONE);
		Page page = Ui.signIn(context, patient, "/profile");
		for (String language : List.of("en", "de")) {
			page.evaluate("lng => localStorage.setItem('hc.language', lng)", language);
			page.setViewportSize(1280, 800);
			page.navigate("/profile");
			Locator row = page.locator(".contact-row").first();
			assertThat(row).isVisible();
			Browsers.screenshot(page, "layout-contact-row-" + language);
			List<BoundingBox> boxes = row.locator("input").all().stream().map(Locator::boundingBox).toList();
			assertThat(boxes).hasSize(3);
			for (BoundingBox box : boxes) {
				assertThat(box.y).as(language + ": each input starts on the same line").isCloseTo(boxes.get(0).y,
						org.assertj.core.data.Offset.offset(1.0));
				assertThat(box.height).as(language + ": each input is as tall").isCloseTo(boxes.get(0).height,
						org.assertj.core.data.Offset.offset(1.0));
			}
		}
	}
}
