/**
 * The application's own meters for the operators' dashboards, scraped at {@code /actuator/prometheus}: bookings,
 * calls by outcome, open realtime sessions, reminders sent, relayed frames; sign-in failures are counted by
 * {@code auth} itself.
 */
package com.healthconnect.metrics;
