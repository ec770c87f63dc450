package com.healthconnect.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** The mailer against a real SMTP server (GreenMail, in process): what arrives is what was sent. */
class MailerTest {

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

	private final ApplicationContextRunner app = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class, TaskExecutionAutoConfiguration.class))
		.withUserConfiguration(MailModule.class);

	@Test
	void mailArrivesWithSubjectRecipientBodyAndAttachment() {
		app.withPropertyValues("spring.mail.host=127.0.0.1", "spring.mail.port=" + smtp.getSmtp().getPort(),
				"healthconnect.mail.from=Clinic <clinic@example.org>")
			.run(context -> {
				Mailer mailer = context.getBean(Mailer.class);
				assertThat(mailer.enabled()).isTrue();

				mailer.send(new OutgoingMail("sam@example.org", "Your visit on Monday", "See you at 09:00.",
						"<p>See you at <b>09:00</b>.</p>", List.of(new OutgoingMail.Attachment("visit.ics",
								"text/calendar", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".getBytes(StandardCharsets.UTF_8)))));

				assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
				MimeMessage received = smtp.getReceivedMessages()[0];
				assertThat(received.getSubject()).isEqualTo("Your visit on Monday");
				assertThat(received.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
					.containsExactly("sam@example.org");
				assertThat(received.getFrom()[0].toString()).isEqualTo("Clinic <clinic@example.org>");
				assertThat(textOf(received)).contains("See you at 09:00.");
				Part attachment = attachmentOf(received);
				assertThat(attachment.getFileName()).isEqualTo("visit.ics");
				assertThat(attachment.getContentType()).startsWith("text/calendar");
				ByteArrayOutputStream bytes = new ByteArrayOutputStream();
				attachment.getInputStream().transferTo(bytes);
				assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("BEGIN:VCALENDAR");
			});
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void withoutMailHostNothingIsSentAndTheMailerSaysItIsOff(CapturedOutput output) {
		app.run(context -> {
			Mailer mailer = context.getBean(Mailer.class);
			assertThat(mailer.enabled()).isFalse();
			assertThat(output.getOut()).containsOnlyOnce("E-mail is off");
			mailer.send(OutgoingMail.text("sam@example.org", "Hello", "Body"));
			assertThat(smtp.waitForIncomingEmail(500, 1)).isFalse();
		});
	}

	@Test
	void anEmptyMailHostAsFromAnUnsetVariableMeansOff() {
		app.withPropertyValues("spring.mail.host=", "spring.mail.port=25").run(context -> {
			assertThat(context.getBean(Mailer.class).enabled()).isFalse();
		});
	}

	@Test
	void anUnreachableMailServerDoesNotFailTheCaller() {
		app.withPropertyValues("spring.mail.host=127.0.0.1", "spring.mail.port=1").run(context -> {
			Mailer mailer = context.getBean(Mailer.class);
			mailer.send(OutgoingMail.text("sam@example.org", "Hello", "Body"));
			assertThat(mailer.enabled()).isTrue();
		});
	}

	@Test
	void linksPointAtTheConfiguredPublicAddress() {
		app.withPropertyValues("healthconnect.mail.base-url=https://care.example.org/").run(context -> {
			assertThat(context.getBean(Mailer.class).link("/reset-password?token=abc"))
				.isEqualTo("https://care.example.org/reset-password?token=abc");
		});
	}

	@Test
	void failuresAreLoggedWithoutTheMailboxName() {
		assertThat(Mailer.withoutAddresses(new IllegalStateException("550 <jane.doe@example.org> rejected")))
			.doesNotContain("jane.doe").contains("@example.org");
	}

	private static String textOf(MimeMessage message) throws MessagingException, IOException {
		Object content = message.getContent();
		if (content instanceof String text) {
			return text;
		}
		StringBuilder text = new StringBuilder();
		collectText((Multipart) content, text);
		return text.toString();
	}

	private static void collectText(Multipart multipart, StringBuilder text) throws MessagingException, IOException {
		for (int i = 0; i < multipart.getCount(); i++) {
			BodyPart part = multipart.getBodyPart(i);
			if (part.getContent() instanceof Multipart nested) {
				collectText(nested, text);
			}
			else if (part.isMimeType("text/plain") && part.getFileName() == null) {
				text.append(part.getContent());
			}
		}
	}

	private static Part attachmentOf(MimeMessage message) throws MessagingException, IOException {
		Multipart multipart = (Multipart) message.getContent();
		for (int i = 0; i < multipart.getCount(); i++) {
			BodyPart part = multipart.getBodyPart(i);
			if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
				return part;
			}
		}
		throw new AssertionError("no attachment");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(MailSettings.class)
	@Import(Mailer.class)
	static class MailModule {
	}
}
