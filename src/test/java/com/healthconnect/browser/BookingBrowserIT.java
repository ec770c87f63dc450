package com.healthconnect.browser;

import static com.healthconnect.browser.Ui.appointment;
import static com.healthconnect.browser.Ui.button;
import static com.healthconnect.browser.Ui.heading;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Pattern;

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
import com.microsoft.playwright.options.AriaRole;

/**
 * Booking end to end in two browsers: the patient books on the doctor's page, the request appears on the doctor's
 * dashboard without a reload, the doctor accepts, and the patient's list shows it confirmed, also without a reload.
 */
@IntegrationTest
// needs the realtime server module; on a branch without it there is nothing live to drive
class BookingBrowserIT {

	static final String DOCTOR_ZONE = "America/New_York";
	static final String PATIENT_ZONE = "Europe/Berlin";

	@RegisterExtension
	static final People people = new People();

	@LocalServerPort
	int port;

	@Test
	void bookedRequestAppearsLiveForTheDoctorAndItsAcceptanceLiveForThePatient() {
		ApiClient doctor = Schedules.doctorWithSchedule(port, "Dr Ines Okafor", "Cardiology", DOCTOR_ZONE);
		// registered as the sign-up form does it: with the browser's zone, which is what the UI then shows times in
		ApiClient patient = new ApiClient(port).register(Map.of("role", "patient", "name", "Paul Brenner", "email",
				ApiClient.uniqueEmail("Paul Brenner"), "password", Ui.PASSWORD, "timeZone", PATIENT_ZONE));
		LocalDate date = Schedules.inDays(DOCTOR_ZONE, 3);
		// the patient reads the doctor's 09:00 New York in Berlin time, and the slot button is named by it
		String slotName = Ui.localClock(date, "09:00", DOCTOR_ZONE, PATIENT_ZONE);

		BrowserContext doctorContext = people.person(DOCTOR_ZONE);
		BrowserContext patientContext = people.person(PATIENT_ZONE);
		Page doctorPage = Ui.signIn(doctorContext, doctor, "/dashboard");
		assertThat(heading(doctorPage, "Dashboard")).isVisible();
		assertThat(doctorPage.getByText("No requests waiting for you.")).isVisible();
		Ui.markPage(doctorPage);

		Page patientPage = Ui.signIn(patientContext, patient, "/doctors");
		patientPage.getByLabel("Search doctors").fill("Okafor");
		// the search applies a moment after typing; follow a result once the list is the searched one
		assertThat(patientPage).hasURL(Pattern.compile("[?&]q=Okafor"));
		Locator doctorLink = patientPage
			.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Dr Ines Okafor").setExact(true))
			.and(patientPage.locator("[href='/doctors/" + doctor.userId() + "']"));
		assertThat(doctorLink).isVisible();
		Browsers.screenshot(patientPage, "directory");
		doctorLink.click();

		assertThat(heading(patientPage, "Dr Ines Okafor")).isVisible();
		patientPage.getByLabel("Date", new Page.GetByLabelOptions().setExact(true)).fill(date.toString());
		Locator slot = slot(patientPage, slotName);
		assertThat(slot).isEnabled();
		// a slot the doctor switched off
		assertThat(slot(patientPage, Ui.localClock(date, "10:00", DOCTOR_ZONE, PATIENT_ZONE))).isDisabled();
		slot.click();
		assertThat(slot).hasAttribute("aria-checked", "true");
		patientPage.getByLabel("Reason for visit").fill("Palpitations after climbing stairs");
		Browsers.screenshot(patientPage, "booking");
		button(patientPage, "Book").click();
		assertThat(patientPage.getByText("Request sent for")).isVisible();
		// the booked slot is taken now
		assertThat(slot).isDisabled();

		// the doctor's dashboard shows the request without a reload
		Locator request = appointment(doctorPage, "Paul Brenner");
		assertThat(request).isVisible(Ui.LONG);
		assertThat(request.getByText("Pending")).isVisible();
		assertThat(request.getByText("Palpitations after climbing stairs")).isVisible();
		Browsers.screenshot(doctorPage, "doctor-dashboard");

		// the patient waits on My appointments while the doctor accepts
		patientPage.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("See my appointments")).click();
		assertThat(heading(patientPage, "My appointments")).isVisible();
		Locator mine = appointment(patientPage, "Dr Ines Okafor");
		assertThat(mine.getByText("Pending")).isVisible();
		Ui.markPage(patientPage);

		button(request, "Accept").click();
		assertThat(request.getByText("Confirmed")).isVisible();
		assertThat(button(request, "Start video call")).isVisible();

		assertThat(mine.getByText("Confirmed")).isVisible(Ui.LONG);
		assertThat(button(mine, "Start video call")).isVisible();
		assertThat(button(mine, "Cancel appointment")).isVisible();
		Browsers.screenshot(patientPage, "patient-appointments");

		org.assertj.core.api.Assertions.assertThat(Ui.stillSameDocument(doctorPage))
			.as("the doctor's dashboard was never reloaded")
			.isTrue();
		org.assertj.core.api.Assertions.assertThat(Ui.stillSameDocument(patientPage))
			.as("the patient's list was never reloaded")
			.isTrue();
	}

	/** A bookable time: a radio in its morning / afternoon group, named by the viewer's clock time. */
	static Locator slot(Page page, String localTime) {
		return page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName(localTime).setExact(true));
	}
}
