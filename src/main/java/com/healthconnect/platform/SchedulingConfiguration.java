package com.healthconnect.platform;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Boot's {@code TaskScheduler} runs the {@code @Scheduled} jobs (expiring unanswered requests, reminders). Every job
 * claims its work in MongoDB, so any number of instances may run them side by side.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {
}
