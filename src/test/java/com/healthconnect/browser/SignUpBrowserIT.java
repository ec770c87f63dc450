package com.healthconnect.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.healthconnect.support.ApiClient;
import com.healthconnect.support.Browsers;
import com.healthconnect.support.IntegrationTest;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** A newcomer signs up and signs in through the real forms of the bundled UI. */
@IntegrationTest
class SignUpBrowserIT {

	static Browsers browsers;

	@LocalServerPort
	int port;

	@BeforeAll
	static void launch() {
		browsers = Browsers.launch();
	}

	@AfterAll
	static void close() {
		browsers.close();
	}

	@Test
	void patientSignsUpSignsOutAndSignsInThroughTheForms() {
		String email = ApiClient.uniqueEmail("browser");
		try (BrowserContext context = browsers.browser().newContext()) {
			Page page = context.newPage();
			page.navigate("http://localhost:" + port + "/signup");
			page.getByRole(AriaRole.RADIOGROUP, new Page.GetByRoleOptions().setName("Role"))
				.getByLabel("Patient", new com.microsoft.playwright.Locator.GetByLabelOptions().setExact(true))
				.check();
			page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Bea Browser");
			page.getByLabel("Email", new Page.GetByLabelOptions().setExact(true)).fill(email);
			page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("correct-horse-9");
			Browsers.screenshot(page, "sign-up");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();
			assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))).isVisible();

			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
			page.navigate("http://localhost:" + port + "/signin");
			page.getByLabel("Email", new Page.GetByLabelOptions().setExact(true)).fill(email);
			page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("correct-horse-9");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
			assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))).isVisible();
			assertThat(page.getByText("Bea Browser").first()).isVisible();
		}
	}

	@Test
	void wrongPasswordShowsTheServersMessageAndDeepLinksReload() {
		try (BrowserContext context = browsers.browser().newContext()) {
			Page page = context.newPage();
			page.navigate("http://localhost:" + port + "/signin");
			page.getByLabel("Email", new Page.GetByLabelOptions().setExact(true)).fill("nobody@test.healthconnect.local");
			page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("wrong-password");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
			assertThat(page.getByText("Invalid e-mail or password")).isVisible();

			// a deep link is served index.html and routed on the client
			page.navigate("http://localhost:" + port + "/doctors");
			assertThat(page.getByRole(AriaRole.HEADING).first()).isVisible();
		}
	}
}
