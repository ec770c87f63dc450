package com.healthconnect.browser;

import static com.healthconnect.browser.Ui.button;
import static com.healthconnect.browser.Ui.heading;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.healthconnect.support.ApiClient;
import com.healthconnect.support.IntegrationTest;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * The account page as a patient uses it: download my data, then delete the account with the password and a
 * confirmation; signing in again is refused.
 */
@IntegrationTest
class DeleteAccountBrowserIT {

	@RegisterExtension
	static final People people = new People();

	@LocalServerPort
	int port;

	@Test
	void downloadMyDataThenDeleteTheAccountAndSignInIsRefused() throws Exception {
		ApiClient patient = new ApiClient(port).registerPatient("Dora Departing");
		String email = patient.user().get("email").asString();
		Page page = Ui.signIn(people.person("Europe/Berlin"), patient, "/account");
		assertThat(heading(page, "Account")).isVisible();

		Download download = page.waitForDownload(
				() -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download my data")).click());
		String exported = Files.readString(download.path());
		org.assertj.core.api.Assertions.assertThat(exported).contains(email, "\"appointments\"", "\"accessLog\"");

		page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(Ui.PASSWORD);
		button(page, "Delete my account").click();
		assertThat(page.getByRole(AriaRole.ALERTDIALOG)).containsText("cannot be undone");
		button(page, "Delete permanently").click();

		assertThat(page.getByText("Your account is deleted.")).isVisible();
		page.getByLabel("Email", new Page.GetByLabelOptions().setExact(true)).fill(email);
		page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(Ui.PASSWORD);
		button(page, "Sign in").click();
		assertThat(page.getByText("Invalid e-mail or password")).isVisible();
		org.assertj.core.api.Assertions.assertThat(patient.get("/api/auth/me").status()).isEqualTo(401);
	}
}
