package com.healthconnect.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.healthconnect.support.ApiClient;
import com.healthconnect.support.Browsers;
import com.healthconnect.support.IntegrationTest;
import com.healthconnect.support.Schedules;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

/**
 * axe-core on every main page, for both roles and signed out, at a desk (1280×800) and on a phone (390×844), in English
 * and in German: no serious or critical violation. axe comes from the UI's npm dependencies and is evaluated by
 * Playwright itself (the app's CSP refuses a script tag). Each page is also saved as a screenshot at both widths in both
 * languages ({@code page-<who>-<page>-<width>-<language>.png}), and the figures go to
 * {@code target/screenshots/axe.txt}.
 */
@IntegrationTest
class AccessibilityBrowserIT {

	static final String ZONE = "Europe/Berlin";
	static final Path AXE = Paths.get("frontend", "node_modules", "axe-core", "axe.min.js");
	static final int[][] SIZES = { { 1280, 800 }, { 390, 844 } };
	/** The UI's languages; the choice is what the language switch stores in the browser. */
	static final List<String> LANGUAGES = List.of("en", "de");

	static final List<String> report = new ArrayList<>();

	@RegisterExtension
	static final People people = new People();

	@LocalServerPort
	int port;

	@Test
	void everyMainPageHasNoSeriousOrCriticalViolationAtBothWidths() throws IOException {
		String axe = Files.readString(AXE, StandardCharsets.UTF_8);
		ApiClient doctor = Schedules.doctorWithSchedule(port, "Dr Hanna Berg", "Cardiology", ZONE);
		ApiClient patient = new ApiClient(port).registerPatient("Lea Kraus");
		LocalDate date = Schedules.inDays(ZONE, 3);
		Ui.bookAndAccept(doctor, patient, date, "09:00");
		// a pending and a cancelled one too, so their cards are on the pages
		patient.post("/api/appointments", Map.of("doctorId", doctor.userId(), "date", Schedules.inDays(ZONE, 4).toString(),
				"startTime", "09:00", "mode", "chat", "reason", "follow-up"));
		String cancelled = patient.post("/api/appointments", Map.of("doctorId", doctor.userId(), "date",
				Schedules.inDays(ZONE, 5).toString(), "startTime", "09:00", "mode", "video", "reason", "second opinion"))
			.json().get("id").asString();
		patient.post("/api/appointments/" + cancelled + "/cancel", Map.of());
		patient.post("/api/messages/" + doctor.userId(), Map.of("text", "Good morning, doctor."));
		doctor.post("/api/messages/" + patient.userId(), Map.of("text", "Good morning! See you on " + date + "."));

		Map<String, String> visitor = new LinkedHashMap<>();
		visitor.put("home", "/");
		visitor.put("signin", "/signin");
		visitor.put("signup", "/signup");
		visitor.put("directory", "/doctors");
		visitor.put("doctor", "/doctors/" + doctor.userId());
		Map<String, String> patientPages = new LinkedHashMap<>();
		patientPages.put("booking", "/doctors/" + doctor.userId());
		patientPages.put("appointments", "/appointments");
		patientPages.put("messages", "/messages");
		patientPages.put("conversation", "/messages/" + doctor.userId());
		patientPages.put("profile", "/profile");
		patientPages.put("access-log", "/access-log");
		patientPages.put("calls", "/calls");
		patientPages.put("account", "/account");
		patientPages.put("device-check", "/device-check");
		Map<String, String> doctorPages = new LinkedHashMap<>();
		doctorPages.put("dashboard", "/dashboard");
		doctorPages.put("schedule", "/schedule");
		doctorPages.put("patients", "/patients");
		doctorPages.put("patient-record", "/patients/" + patient.userId());
		doctorPages.put("messages", "/messages");
		doctorPages.put("conversation", "/messages/" + patient.userId());
		doctorPages.put("profile", "/profile");
		doctorPages.put("calls", "/calls");

		List<String> failures = new ArrayList<>();
		BrowserContext anonymous = people.person(ZONE);
		anonymous.addInitScript(axe);
		check(anonymous.newPage(), "visitor", visitor, failures);

		BrowserContext patientContext = people.person(ZONE);
		patientContext.addInitScript(axe);
		check(Ui.signIn(patientContext, patient, "/appointments"), "patient", patientPages, failures);

		BrowserContext doctorContext = people.person(ZONE);
		doctorContext.addInitScript(axe);
		check(Ui.signIn(doctorContext, doctor, "/dashboard"), "doctor", doctorPages, failures);

		assertThat(failures).as("serious or critical axe violations").isEmpty();
	}

	private void check(Page page, String who, Map<String, String> pages, List<String> failures) {
		if (page.url().startsWith("about:")) {
			page.navigate("/"); // storage belongs to the app's origin
		}
		for (String language : LANGUAGES) {
			page.evaluate("lng => localStorage.setItem('hc.language', lng)", language);
			for (Map.Entry<String, String> entry : pages.entrySet()) {
				for (int[] size : SIZES) {
					page.setViewportSize(size[0], size[1]);
					page.navigate(entry.getValue());
					settle(page);
					assertThat(page.locator("html")).hasAttribute("lang", language);
					String name = who + "-" + entry.getKey() + "-" + size[0] + "-" + language;
					Browsers.screenshot(page, "page-" + name);
					@SuppressWarnings("unchecked")
					Map<String, Object> result = (Map<String, Object>) page.evaluate(RUN_AXE);
					@SuppressWarnings("unchecked")
					List<String> bad = (List<String>) result.get("bad");
					report.add("%-32s %dx%d %s  serious+critical: %d  (all violations: %s)".formatted(
							who + " " + entry.getKey(), size[0], size[1], language, bad.size(), result.get("all")));
					bad.forEach(v -> failures.add(name + ": " + v));
				}
			}
		}
		page.evaluate("() => localStorage.removeItem('hc.language')");
	}

	/** The page has drawn its content: a main heading, and no loading placeholder left. */
	private static void settle(Page page) {
		assertThat(page.locator("main h1").first()).isVisible();
		assertThat(page.locator(".loading, .skeleton")).hasCount(0);
	}

	static final String RUN_AXE = """
			async () => {
			  const r = await axe.run(document, { resultTypes: ['violations'] });
			  const bad = r.violations
			    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
			    .map((v) => `${v.id} (${v.impact}) on ${v.nodes.length}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
			  return { bad, all: r.violations.length };
			}
			""";

	@AfterAll
	static void writeFigures() throws IOException {
		Files.createDirectories(Browsers.SCREENSHOTS);
		List<String> lines = new ArrayList<>();
		lines.add("axe-core serious and critical violations per page (AccessibilityBrowserIT)");
		lines.addAll(report);
		Files.write(Browsers.SCREENSHOTS.resolve("axe.txt"), lines, StandardCharsets.UTF_8);
	}
}
