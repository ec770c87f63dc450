package com.healthconnect.notification;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.healthconnect.mail.Mailer;
import com.healthconnect.mail.OutgoingMail;
import com.healthconnect.notification.internal.Notification;
import com.healthconnect.notification.internal.NotificationStore;

/**
 * Sends the notifications' e-mails from the outbox (the notification documents, see {@link Notification}), off the
 * request: a new mail is tried at once on Boot's application task executor, and a scheduled run picks up whatever is
 * due (retries, mails of an instance that died). Each attempt first claims the mail in MongoDB, so with several
 * instances each mail is sent by one of them; a failed attempt is retried with a doubling wait. A sender that dies
 * after the SMTP server took the mail and before marking it sent leaves it to be sent again after the lease: at least
 * once, never lost.
 */
@Component
@EnableConfigurationProperties(MailOutboxProperties.class)
class MailOutbox {

	private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

	private final NotificationStore store;
	private final Mailer mailer;
	private final Executor executor;
	private final Clock clock;
	private final MailOutboxProperties properties;

	MailOutbox(NotificationStore store, Mailer mailer,
			@Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) Executor executor, Clock clock,
			MailOutboxProperties properties) {
		this.store = store;
		this.mailer = mailer;
		this.executor = executor;
		this.clock = clock;
		this.properties = properties;
	}

	/** Tries the new mail of this notification now, in the background; the scheduled run is the fallback. */
	void sendSoon(String notificationId) {
		try {
			executor.execute(() -> store.claimNewMail(notificationId, clock.instant()).ifPresent(this::send));
		}
		catch (RejectedExecutionException busy) {
			// still pending in the outbox: the next scheduled run sends it
		}
	}

	@Scheduled(initialDelayString = "${healthconnect.notifications.mail.interval:10s}",
			fixedDelayString = "${healthconnect.notifications.mail.interval:10s}")
	void sweep() {
		if (mailer.enabled()) {
			sendDue();
		}
	}

	/** Sends every mail that is due now; returns how many went out. */
	int sendDue() {
		int sent = 0;
		Instant started = clock.instant();
		for (Optional<Notification> next = store.claimMail(started, properties.lease()); next.isPresent();
				next = store.claimMail(started, properties.lease())) {
			if (send(next.get())) {
				sent++;
			}
		}
		return sent;
	}

	private boolean send(Notification claimed) {
		Notification.MailDraft draft = claimed.mail();
		if (draft == null) {
			store.mailFailed(claimed, null);
			return false;
		}
		List<OutgoingMail.Attachment> attachments = draft.calendar() == null ? List.of()
				: List.of(new OutgoingMail.Attachment("appointment.ics", "text/calendar; charset=UTF-8",
						draft.calendar().getBytes(StandardCharsets.UTF_8)));
		try {
			mailer.sendNow(new OutgoingMail(draft.to(), draft.subject(), draft.text(), null, attachments));
		}
		catch (RuntimeException ex) {
			int failed = claimed.mailAttempts() == null ? 1 : claimed.mailAttempts();
			Duration wait = properties.waitAfter(failed);
			log.warn("Mail of notification {} not sent (attempt {}), {}: {}", claimed.id(), failed,
					wait == null ? "given up" : "tried again in " + wait, Mailer.describe(ex));
			store.mailFailed(claimed, wait == null ? null : clock.instant().plus(wait));
			return false;
		}
		store.mailSent(claimed, clock.instant());
		return true;
	}
}
