package com.healthconnect.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * Debian's Chromium driven by Playwright for Java: never a downloaded browser. The flags keep Chromium off the
 * network it cannot reach here; the media flags give calls a fake camera and microphone without a permission prompt.
 */
public final class Browsers implements AutoCloseable {

	public static final Path CHROMIUM = Paths.get(System.getProperty("healthconnect.chromium", "/usr/bin/chromium"));
	public static final Path SCREENSHOTS = Paths.get("target", "screenshots");

	private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
			"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
			"--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
			// screen sharing: getDisplayMedia picks Chromium's fake screen (800×600) without a picker
			"--auto-select-desktop-capture-source=Entire screen");

	private final Playwright playwright;
	private final Browser browser;

	private Browsers(List<String> extraFlags) {
		this.playwright = Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		List<String> flags = new ArrayList<>(FLAGS);
		flags.addAll(extraFlags);
		this.browser = playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true).setArgs(flags));
	}

	public static Browsers launch() {
		return launch(List.of());
	}

	/** Chromium with further flags, e.g. {@code --disable-features=WebRtcHideLocalIpsWithMdns} for TURN on loopback. */
	public static Browsers launch(List<String> extraFlags) {
		if (!Files.isExecutable(CHROMIUM)) {
			throw new IllegalStateException("Browser tests need Chromium at " + CHROMIUM
					+ " (Debian: apt-get install chromium; .ci/run installs it)");
		}
		return new Browsers(extraFlags);
	}

	public Browser browser() {
		return browser;
	}

	/** Saves a full-page screenshot as a build artefact under target/screenshots. */
	public static void screenshot(Page page, String name) {
		page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
	}

	@Override
	public void close() {
		browser.close();
		playwright.close();
	}
}
