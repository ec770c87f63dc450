package com.healthconnect.appointment.internal;

import java.time.Instant;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

/**
 * Which reminders have gone out: one document per appointment, start and offset, whose {@code _id} is that key. The
 * first instance to insert it sends the reminder; every other gets a duplicate key and does not. A rescheduled
 * appointment has a new start, hence new keys.
 */
@Component
public class ReminderClaims {

	private final MongoTemplate mongo;

	ReminderClaims(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** True for exactly one caller per key, across restarts and instances. */
	public boolean claim(String appointmentId, Instant startsAt, String offset, Instant now) {
		try {
			mongo.insert(new ReminderClaim(appointmentId + "|" + startsAt + "|" + offset, appointmentId, now));
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	@Document("appointment_reminders")
	record ReminderClaim(@Id String id, String appointmentId, Instant claimedAt) {
	}
}
