package com.healthconnect.support;

import static com.healthconnect.support.FreePorts.freePort;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.test.context.DynamicPropertyRegistry;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;

/**
 * An in-process SMTP server (GreenMail) for full-stack tests: register {@link #extension()} and, in a
 * {@code @DynamicPropertySource} method, {@link #register}, so the app's {@code Mailer} sends to it.
 */
public final class TestMail {

	public static final int PORT = freePort();

	/** Points the app's mail settings at the test server (whose port is fixed for the JVM's run). */
	public static void register(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> PORT);
		registry.add("spring.mail.properties.mail.smtp.starttls.enable", () -> "false");
	}

	private TestMail() {
	}

	public static GreenMailExtension extension() {
		return new GreenMailExtension(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
	}

	public static String body(MimeMessage message) {
		return GreenMailUtil.getBody(message);
	}

	/** The reset token from a password-reset mail's link. */
	public static String resetToken(MimeMessage message) {
		Matcher matcher = Pattern.compile("/reset-password\\?token=([A-Za-z0-9_%-]+)").matcher(body(message));
		if (!matcher.find()) {
			throw new AssertionError("no reset link in: " + body(message));
		}
		return matcher.group(1);
	}
}
