package com.healthconnect.browser;

import static com.healthconnect.browser.Ui.button;
import static com.healthconnect.browser.Ui.heading;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import com.healthconnect.support.ApiClient;
import com.healthconnect.support.Totp;
import com.healthconnect.support.IntegrationTest;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * A doctor signs up with a licence number and waits for verification, unlisted; an operator verifies them on the
 * operators' page; then patients find them in the directory.
 */
@IntegrationTest
@TestPropertySource(properties = { "healthconnect.doctors.verification-required=true",
		"healthconnect.operator.email=" + DoctorVerificationBrowserIT.OPERATOR_EMAIL,
		"healthconnect.operator.password=" + Ui.PASSWORD })
class DoctorVerificationBrowserIT {

	static final String OPERATOR_EMAIL = "browser.operator@test.healthconnect.local";

	@RegisterExtension
	static final People people = new People();

	@LocalServerPort
	int port;

	@Test
	void aDoctorWhoSignsUpIsListedOnlyOnceAnOperatorVerifiesThem() {
		String email = ApiClient.uniqueEmail("vivian");
		Page doctor = people.person("Europe/Berlin").newPage();
		doctor.navigate("/signup");
		doctor.getByRole(AriaRole.RADIOGROUP, new Page.GetByRoleOptions().setName("Role"))
			.getByLabel("Doctor", new com.microsoft.playwright.Locator.GetByLabelOptions().setExact(true))
			.check();
		doctor.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Dr Vivian Verity");
		doctor.getByLabel("Email", new Page.GetByLabelOptions().setExact(true)).fill(email);
		doctor.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(Ui.PASSWORD);
		doctor.getByLabel("Specialization", new Page.GetByLabelOptions().setExact(true)).fill("Neurology");
		doctor.getByLabel("Qualification", new Page.GetByLabelOptions().setExact(true)).fill("MD (Neurology)");
		doctor.getByLabel("Licence number", new Page.GetByLabelOptions().setExact(true)).fill("NEU-2026-77");
		doctor.getByLabel("Experience (years)", new Page.GetByLabelOptions().setExact(true)).fill("8");
		button(doctor, "Create account").click();
		assertThat(button(doctor, "Sign out")).isVisible();
		doctor.navigate("/dashboard");
		assertThat(doctor.getByText("Awaiting verification")).isVisible();

		ApiClient anyone = new ApiClient(port);
		org.assertj.core.api.Assertions.assertThat(anyone.get("/api/doctors?q=Verity").json().get("content"))
			.isEmpty();

		ApiClient operatorAccount = new ApiClient(port);
		org.assertj.core.api.Assertions.assertThat(operatorAccount.login(OPERATOR_EMAIL, Ui.PASSWORD, null).status())
			.isEqualTo(200);
		Page operator = Ui.signIn(people.person("Europe/Berlin"), operatorAccount, "/admin/doctors");
		// an operator sets up two-factor sign-in before anything else, as an authenticator app would
		assertThat(operator.getByText("Operators sign in with two factors")).isVisible();
		button(operator, "Set up two-factor sign-in").click();
		assertThat(operator.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName("QR code for your authenticator app")))
			.isVisible();
		String secret = operator.getByTestId("two-factor-secret").textContent();
		operator.getByLabel("Code from the app").fill(Totp.code(secret, java.time.Instant.now()));
		button(operator, "Turn on two-factor sign-in").click();
		assertThat(heading(operator, "Your recovery codes")).isVisible();
		button(operator, "I have saved my recovery codes").click();
		assertThat(heading(operator, "Doctors to verify")).isVisible();
		var row = operator.getByRole(AriaRole.LISTITEM, new Page.GetByRoleOptions().setName("Dr Vivian Verity"));
		assertThat(row.getByText("NEU-2026-77")).isVisible();
		button(row, "Verify Dr Vivian Verity").click();
		assertThat(operator.getByText("Dr Vivian Verity is verified and now listed.")).isVisible();

		Page patient = people.person("Europe/Berlin").newPage();
		patient.navigate("/doctors");
		patient.getByLabel("Search doctors").fill("Verity");
		assertThat(patient).hasURL(Pattern.compile("[?&]q=Verity"));
		assertThat(patient.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Dr Vivian Verity")))
			.isVisible();
	}
}
