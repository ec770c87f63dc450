package com.healthconnect.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;


import com.healthconnect.support.ApiClient;
import com.healthconnect.support.Browsers;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;

/**
 * What the browser tests share: one browser context per person (own cookies, camera permission, time zone), signing in
 * through the real form, finding controls by role and name, and waiting for live updates with room for a busy machine.
 */
final class Ui {

	/** Auto-waiting assertions wait this long by default: a 2-core machine shared with builds can be slow. */
	static final double ASSERT_TIMEOUT_MS = 20_000;

	/** For things that cross the server and a WebRTC negotiation. */
	static final LocatorAssertions.IsVisibleOptions LONG = new LocatorAssertions.IsVisibleOptions().setTimeout(45_000);

	static final String PASSWORD = "correct-horse-9";

	private Ui() {
	}

	static void setDefaultTimeouts() {
		PlaywrightAssertions.setDefaultAssertionTimeout(ASSERT_TIMEOUT_MS);
	}

	/** A fresh context for one person; the time zone decides how slot times read to them. */
	static BrowserContext person(Browsers browsers, int port, String timeZone) {
		String origin = "http://localhost:" + port;
		BrowserContext context = browsers.browser()
			.newContext(new Browser.NewContextOptions().setBaseURL(origin).setViewportSize(1280, 860)
				.setTimezoneId(timeZone).setLocale("en-GB"));
		context.grantPermissions(List.of("camera", "microphone"),
				new BrowserContext.GrantPermissionsOptions().setOrigin(origin));
		context.setDefaultTimeout(30_000);
		context.setDefaultNavigationTimeout(60_000);
		return context;
	}

	/** Signs in through the form as the user the client registered, then waits for the live connection. */
	static Page signIn(BrowserContext context, ApiClient user, String next) {
		String role = user.user().get("role").asString();
		Page page = context.newPage();
		page.navigate("/signin?role=" + role + "&next=" + next);
		page.getByLabel("Email", new Page.GetByLabelOptions().setExact(true))
			.fill(user.user().get("email").asString());
		page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
		button(page, "Sign in").click();
		assertThat(button(page, "Sign out")).isVisible();
		awaitLive(page);
		return page;
	}

	/** The STOMP session is up and subscribed: pushes from now on reach this page. */
	static void awaitLive(Page page) {
		assertThat(page.locator("header.site-header")).hasAttribute("data-realtime", "connected",
				new LocatorAssertions.HasAttributeOptions().setTimeout(45_000));
	}

	static Locator button(Page page, String name) {
		return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
	}

	static Locator button(Locator scope, String name) {
		return scope.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true));
	}

	static Locator heading(Page page, String name) {
		return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name).setExact(true));
	}

	/** An appointment card, named by the other person. */
	static Locator appointment(Page page, String otherPersonName) {
		return page.getByRole(AriaRole.ARTICLE, new Page.GetByRoleOptions().setName(otherPersonName).setExact(true));
	}

	/**
	 * Marks the page so a later {@link #assertNotReloaded} proves that what changed on it arrived live, not through a
	 * reload or a new navigation.
	 */
	static void markPage(Page page) {
		page.evaluate("() => { window.__sameDocument = true; }");
	}

	static boolean stillSameDocument(Page page) {
		return Boolean.TRUE.equals(page.evaluate("() => window.__sameDocument === true"));
	}

	/** {@code HH:mm} of a doctor's clock time on a date, as a viewer in {@code viewerZone} reads it. */
	static String localClock(LocalDate date, String doctorTime, String doctorZone, String viewerZone) {
		return ZonedDateTime.of(date, LocalTime.parse(doctorTime), ZoneId.of(doctorZone))
			.withZoneSameInstant(ZoneId.of(viewerZone))
			.toLocalTime()
			.format(DateTimeFormatter.ofPattern("HH:mm"));
	}

	/** A patient with an appointment the doctor has accepted: the two are connected and may chat and call. */
	static String bookAndAccept(ApiClient doctor, ApiClient patient, LocalDate date, String startTime) {
		ApiClient.Response booked = patient.post("/api/appointments", Map.of("doctorId", doctor.userId(), "date",
				date.toString(), "startTime", startTime, "mode", "video", "reason", "browser test"));
		if (booked.status() != 201) {
			throw new IllegalStateException("booking failed: " + booked.status() + " " + booked.body());
		}
		String id = booked.json().get("id").asString();
		ApiClient.Response accepted = doctor.patch("/api/appointments/" + id + "/status", Map.of("status", "scheduled"));
		if (accepted.status() != 200) {
			throw new IllegalStateException("accept failed: " + accepted.status() + " " + accepted.body());
		}
		return id;
	}
}
