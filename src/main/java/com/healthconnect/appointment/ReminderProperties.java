package com.healthconnect.appointment;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param before how long before a scheduled appointment each reminder goes out ({@code healthconnect.reminders.before})
 * @param lease how long a claimed reminder may stay undelivered before another run delivers it again (its instance
 * is taken to have died between the claim and the notifications); far longer than a delivery takes
 */
@ConfigurationProperties("healthconnect.reminders")
record ReminderProperties(@DefaultValue({ "24h", "15m" }) List<Duration> before, @DefaultValue("2m") Duration lease) {
}
