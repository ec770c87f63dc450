package com.healthconnect.browser;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import com.healthconnect.support.Browsers;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

/**
 * One Chromium per test class and one browser context per person in a test. When a test fails, every open page is
 * saved as {@code target/screenshots/failed-<test>-<n>.png} before the contexts close, so a red build shows what the
 * people saw.
 */
final class People implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterTestExecutionCallback,
		AfterEachCallback {

	private final List<String> chromiumFlags;
	private Browsers browsers;
	private int port;
	private final List<BrowserContext> open = new ArrayList<>();

	/** A new person in their own context, reading times in {@code timeZone}. */
	BrowserContext person(String timeZone) {
		BrowserContext context = Ui.person(browsers, port, timeZone);
		open.add(context);
		return context;
	}

	int port() {
		return port;
	}

	People(String... chromiumFlags) {
		this.chromiumFlags = List.of(chromiumFlags);
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		Ui.setDefaultTimeouts();
		browsers = Browsers.launch(chromiumFlags);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		port = Integer.parseInt(SpringExtension.getApplicationContext(context)
			.getEnvironment()
			.getRequiredProperty("local.server.port"));
	}

	@Override
	public void afterTestExecution(ExtensionContext context) {
		if (context.getExecutionException().isEmpty()) {
			return;
		}
		int n = 0;
		for (BrowserContext browserContext : open) {
			for (Page page : browserContext.pages()) {
				try {
					Browsers.screenshot(page, "failed-" + context.getRequiredTestMethod().getName() + "-" + n++);
				}
				catch (RuntimeException ex) {
					// a crashed page cannot be pictured; the failure itself is what matters
				}
			}
		}
	}

	@Override
	public void afterEach(ExtensionContext context) {
		open.forEach(BrowserContext::close);
		open.clear();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (browsers != null) {
			browsers.close();
		}
	}
}
