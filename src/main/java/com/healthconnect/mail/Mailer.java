package com.healthconnect.mail;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.StringUtils;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Sends e-mail in the background on Boot's application task executor, so a slow or failing mail server never delays
 * or fails the request that caused the mail. Callers send once their own work has succeeded; inside a transaction the
 * mail waits for its commit. Without {@code spring.mail.host} (env {@code MAIL_HOST}) nothing is sent, and the app
 * says so once at start-up.
 */
@Component
public class Mailer {

	private static final Logger log = LoggerFactory.getLogger(Mailer.class);

	private final JavaMailSender sender;
	private final Executor executor;
	private final MailSettings settings;

	Mailer(ObjectProvider<JavaMailSender> sender,
			@Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) Executor executor,
			MailSettings settings) {
		this.sender = configured(sender.getIfAvailable());
		this.executor = executor;
		this.settings = settings;
		if (this.sender == null) {
			log.info("E-mail is off: no mail server is configured (set MAIL_HOST, i.e. spring.mail.host, to send mail)");
		}
	}

	/** Boot makes a sender for an empty {@code spring.mail.host} too (as {@code MAIL_HOST} unset gives): that is off. */
	private static JavaMailSender configured(JavaMailSender sender) {
		if (sender instanceof JavaMailSenderImpl impl && !StringUtils.hasText(impl.getHost())) {
			return null;
		}
		return sender;
	}

	/** Whether mails are sent at all (a mail server is configured). */
	public boolean enabled() {
		return sender != null;
	}

	/** An absolute link into the app, such as {@code link("/reset-password?token=…")}. */
	public String link(String pathAndQuery) {
		String base = settings.baseUrl();
		return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + pathAndQuery;
	}

	/**
	 * Queues the mail and returns at once; never throws for a delivery problem, which is logged instead. Inside a
	 * transaction the mail is queued only after it commits.
	 */
	public void send(OutgoingMail mail) {
		if (sender == null) {
			log.debug("E-mail is off; not sending \"{}\"", mail.subject());
			return;
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					queue(mail);
				}
			});
		}
		else {
			queue(mail);
		}
	}

	private void queue(OutgoingMail mail) {
		try {
			executor.execute(() -> deliver(mail));
		}
		catch (RejectedExecutionException ex) {
			log.warn("Could not queue the mail \"{}\" to a recipient at {}: {}", mail.subject(), domainOf(mail.to()),
					withoutAddresses(ex));
		}
	}

	private void deliver(OutgoingMail mail) {
		try {
			sendNow(mail);
		}
		catch (RuntimeException ex) {
			// the recipient's domain only: enough to tell a bad address from a dead server, without the person
			log.warn("Could not send the mail \"{}\" to a recipient at {}: {}", mail.subject(), domainOf(mail.to()),
					withoutAddresses(ex));
		}
	}

	/**
	 * Sends the mail on the calling thread, for callers that keep their own retry state (an outbox): returns once the
	 * server took it, throws a {@link MailException} when it did not (or when no mail server is configured).
	 */
	public void sendNow(OutgoingMail mail) {
		if (sender == null) {
			throw new MailSendException("E-mail is off: no mail server is configured");
		}
		try {
			MimeMessage message = sender.createMimeMessage();
			boolean multipart = mail.html() != null || !mail.attachments().isEmpty();
			MimeMessageHelper helper = new MimeMessageHelper(message, multipart, "UTF-8");
			helper.setFrom(settings.from());
			helper.setTo(mail.to());
			helper.setSubject(mail.subject());
			if (mail.html() != null) {
				helper.setText(mail.text(), mail.html());
			}
			else {
				helper.setText(mail.text());
			}
			for (OutgoingMail.Attachment attachment : mail.attachments()) {
				helper.addAttachment(attachment.filename(), new ByteArrayResource(attachment.content()),
						attachment.contentType());
			}
			sender.send(message);
		}
		catch (MessagingException ex) {
			throw new MailPreparationException(ex);
		}
	}

	/** A failure's text without the mailbox names a server may quote back, for logs. */
	public static String describe(Exception ex) {
		return withoutAddresses(ex);
	}

	/** The failure without the mailbox names a server may quote back ("550 <jane@…> rejected"). */
	static String withoutAddresses(Exception ex) {
		return ex.toString().replaceAll("[^\\s<>\"'@,;:]+@", "…@");
	}

	private static String domainOf(String address) {
		int at = address.lastIndexOf('@');
		return at < 0 ? "(no domain)" : address.substring(at + 1).replace(">", "");
	}
}
