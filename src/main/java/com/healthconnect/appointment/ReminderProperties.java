package com.healthconnect.appointment;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code healthconnect.reminders.before}: how long before a scheduled appointment each reminder goes out. */
@ConfigurationProperties("healthconnect.reminders")
record ReminderProperties(@DefaultValue({ "24h", "15m" }) List<Duration> before) {
}
