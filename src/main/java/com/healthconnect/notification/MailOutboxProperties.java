package com.healthconnect.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How notification e-mails leave the outbox ({@code healthconnect.notifications.mail.*}).
 *
 * @param interval how often the sender looks for mails that are due (a new mail is also tried at once)
 * @param retry the wait after a first failed attempt; it doubles with each further one
 * @param maxRetry the longest wait between two attempts
 * @param attempts attempts in all before a mail is given up as {@code failed}
 * @param lease how long one sender may hold a mail before another takes it to be dead and sends it again; longer than
 * the SMTP timeouts
 */
@ConfigurationProperties("healthconnect.notifications.mail")
record MailOutboxProperties(@DefaultValue("10s") Duration interval, @DefaultValue("30s") Duration retry,
		@DefaultValue("1h") Duration maxRetry, @DefaultValue("10") int attempts, @DefaultValue("2m") Duration lease) {

	/** When to try again after {@code attempts} failed attempts, or null when that was the last. */
	Duration waitAfter(int failed) {
		if (failed >= attempts) {
			return null;
		}
		Duration wait = retry;
		for (int i = 1; i < failed && wait.compareTo(maxRetry) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
	}
}
