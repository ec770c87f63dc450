package com.healthconnect.browser;

import static com.healthconnect.browser.Ui.button;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;

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

/** A doctor and a patient who share an appointment chat both ways, live, and each sees when the other has read. */
@IntegrationTest
// needs the realtime server module; on a branch without it there is nothing live to drive
class ChatBrowserIT {

	static final String ZONE = "Europe/Berlin";

	@RegisterExtension
	static final People people = new People();

	@LocalServerPort
	int port;

	@Test
	void messagesArriveLiveBothWaysAndTheSenderSeesTheReadReceipt() {
		ApiClient doctor = Schedules.doctorWithSchedule(port, "Dr Lena Vogt", "Dermatology", ZONE);
		ApiClient patient = new ApiClient(port).registerPatient("Mira Santos");
		LocalDate date = Schedules.inDays(ZONE, 4);
		Ui.bookAndAccept(doctor, patient, date, "09:00");

		BrowserContext doctorContext = people.person(ZONE);
		BrowserContext patientContext = people.person(ZONE);
		Page doctorPage = Ui.signIn(doctorContext, doctor, "/messages/" + patient.userId());
		Page patientPage = Ui.signIn(patientContext, patient, "/messages/" + doctor.userId());
		Locator doctorLog = log(doctorPage, "Mira Santos");
		Locator patientLog = log(patientPage, "Dr Lena Vogt");
		assertThat(doctorPage.getByText("No messages yet. Say hello.")).isVisible();
		assertThat(patientPage.getByText("No messages yet. Say hello.")).isVisible();
		Ui.markPage(doctorPage);
		Ui.markPage(patientPage);

		// patient → doctor, live; the doctor has it on screen, so the patient is told it was read
		send(patientPage, "Hello doctor, the rash is spreading to my arm.");
		assertThat(patientLog.getByText("Hello doctor, the rash is spreading to my arm.")).isVisible();
		assertThat(doctorLog.getByText("Hello doctor, the rash is spreading to my arm.")).isVisible(Ui.LONG);
		assertThat(patientLog.getByText("Read", new Locator.GetByTextOptions().setExact(true))).isVisible(Ui.LONG);

		// doctor → patient, live, and the receipt the other way
		send(doctorPage, "Please send a photo and avoid scratching it.");
		assertThat(patientLog.getByText("Please send a photo and avoid scratching it.")).isVisible(Ui.LONG);
		assertThat(doctorLog.getByText("Read", new Locator.GetByTextOptions().setExact(true))).isVisible(Ui.LONG);

		// each side's own messages are marked as theirs for screen readers, the other's with the sender's name
		assertThat(doctorLog.getByRole(AriaRole.LISTITEM)).hasCount(2);
		assertThat(doctorLog.getByRole(AriaRole.LISTITEM).first()).containsText("Mira Santos:");
		assertThat(doctorLog.getByRole(AriaRole.LISTITEM).last()).containsText("You:");
		Browsers.screenshot(patientPage, "chat");
		Browsers.screenshot(doctorPage, "chat-doctor");

		org.assertj.core.api.Assertions.assertThat(Ui.stillSameDocument(doctorPage)).isTrue();
		org.assertj.core.api.Assertions.assertThat(Ui.stillSameDocument(patientPage)).isTrue();
	}

	static Locator log(Page page, String peerName) {
		return page.getByRole(AriaRole.LOG, new Page.GetByRoleOptions().setName("Messages with " + peerName));
	}

	static void send(Page page, String text) {
		page.getByLabel("Message", new Page.GetByLabelOptions().setExact(true)).fill(text);
		button(page, "Send").click();
		assertThat(page.getByLabel("Message", new Page.GetByLabelOptions().setExact(true))).isEmpty();
	}
}
