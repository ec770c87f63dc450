package com.healthconnect.browser;

import static com.healthconnect.browser.Ui.button;
import static com.healthconnect.browser.Ui.heading;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.healthconnect.support.ApiClient;
import com.healthconnect.support.IntegrationTest;
import com.healthconnect.support.TestMail;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * Forgot password as a user does it: the link on the sign-in page, the mail (GreenMail), the reset page, signing in
 * with the new password; the session signed in before the reset is refused.
 */
@IntegrationTest
class PasswordResetBrowserIT {

	@RegisterExtension
	static final People people = new People();

	@RegisterExtension
	static final GreenMailExtension smtp = TestMail.extension();

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		TestMail.register(registry);
	}

	@LocalServerPort
	int port;

	@Test
	void forgotPasswordMailResetAndSignInWithTheNewPasswordWhileTheOldSessionIsRefused() throws Exception {
		ApiClient patient = new ApiClient(port).registerPatient("Rita Reset");
		String email = patient.user().get("email").asString();
		Page before = Ui.signIn(people.person("Europe/Berlin"), patient, "/account");
		assertThat(heading(before, "Account")).isVisible();

		BrowserContext context = people.person("Europe/Berlin");
		Page page = context.newPage();
		page.navigate("/signin");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Forgot password?")).click();
		assertThat(heading(page, "Forgot password")).isVisible();
		page.getByLabel("Email", new Page.GetByLabelOptions().setExact(true)).fill(email);
		button(page, "Send reset link").click();
		assertThat(page.getByText("If an account uses " + email)).isVisible();

		org.assertj.core.api.Assertions.assertThat(smtp.waitForIncomingEmail(20_000, 1)).isTrue();
		String token = TestMail.resetToken(smtp.getReceivedMessages()[0]);

		page.navigate("/reset-password?token=" + token);
		page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true)).fill("brand-new-horse-7");
		page.getByLabel("Repeat the new password", new Page.GetByLabelOptions().setExact(true))
			.fill("brand-new-horse-7");
		button(page, "Set new password").click();
		assertThat(page.getByText("Your password is changed.")).isVisible();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in with the new password")).click();
		page.getByLabel("Email", new Page.GetByLabelOptions().setExact(true)).fill(email);
		page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("brand-new-horse-7");
		button(page, "Sign in").click();
		assertThat(button(page, "Sign out")).isVisible();

		// the browser signed in before the reset: its session is refused, it lands on sign-in
		before.navigate("/account");
		assertThat(heading(before, "Sign in")).isVisible();
		org.assertj.core.api.Assertions.assertThat(patient.get("/api/auth/me").status()).isEqualTo(401);
	}
}
