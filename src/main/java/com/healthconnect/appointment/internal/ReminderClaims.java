package com.healthconnect.appointment.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Which reminders have gone out: one document per appointment, start and offset, whose {@code _id} is that key. The
 * first instance to insert it delivers the reminder; every other gets a duplicate key and does not. A rescheduled
 * appointment has a new start, hence new keys.
 * <p>
 * A claim is {@code claimed} until its deliverer marks it {@code sent}: an instance that dies in between leaves a
 * claim that stays {@code claimed}, and once its lease has run out another run takes it over ({@link #takeOverStale})
 * and delivers again. Delivery is idempotent (the notifications' ids derive from the claim's key), so a redelivery
 * after a crash that came after the notifications were written adds nothing. Claims from before this state existed
 * have none and count as sent.
 */
@Component
public class ReminderClaims implements InitializingBean {

	static final String CLAIMED = "claimed";
	static final String SENT = "sent";
	static final String SKIPPED = "skipped";

	private final MongoTemplate mongo;

	ReminderClaims(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public void afterPropertiesSet() {
		mongo.indexOps(ReminderClaim.class).createIndex(new Index().on("state", Sort.Direction.ASC)
			.on("claimedAt", Sort.Direction.ASC).named("state_claimed"));
	}

	/** True for exactly one caller per key, across restarts and instances; that caller then delivers it. */
	public boolean claim(String appointmentId, Instant startsAt, String offset, Instant now) {
		return insert(appointmentId, startsAt, offset, now, CLAIMED);
	}

	/** Claims a reminder that will not be sent (a nearer one is due too), so no later run sends it. */
	public boolean skip(String appointmentId, Instant startsAt, String offset, Instant now) {
		return insert(appointmentId, startsAt, offset, now, SKIPPED);
	}

	/** The reminder's notifications are written: it is never delivered again. */
	public void sent(String appointmentId, Instant startsAt, String offset) {
		mongo.updateFirst(Query.query(Criteria.where("_id").is(key(appointmentId, startsAt, offset))),
				Update.update("state", SENT), ReminderClaim.class);
	}

	/**
	 * One claim still {@code claimed} whose lease ran out (its deliverer died), now leased to the caller; only one
	 * caller gets each. Empty when there is none.
	 */
	public Optional<Stale> takeOverStale(Instant now, Duration lease) {
		Query stale = Query.query(Criteria.where("state").is(CLAIMED).and("claimedAt").lt(now.minus(lease)));
		ReminderClaim taken = mongo.findAndModify(stale, Update.update("claimedAt", now),
				FindAndModifyOptions.options().returnNew(true), ReminderClaim.class);
		if (taken == null) {
			return Optional.empty();
		}
		return Optional.of(new Stale(taken.appointmentId(), taken.startsAt(), taken.offset()));
	}

	private boolean insert(String appointmentId, Instant startsAt, String offset, Instant now, String state) {
		try {
			mongo.insert(new ReminderClaim(key(appointmentId, startsAt, offset), appointmentId, startsAt, offset, now,
					state));
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	/** The claim's key, also the base of the reminder notifications' ids. */
	public static String key(String appointmentId, Instant startsAt, String offset) {
		return appointmentId + "|" + startsAt + "|" + offset;
	}

	/** A reminder to deliver again: the appointment, the start it was claimed for and the offset (ISO-8601). */
	public record Stale(String appointmentId, Instant startsAt, String offset) {
	}

	@Document("appointment_reminders")
	record ReminderClaim(@Id String id, String appointmentId, Instant startsAt, String offset, Instant claimedAt,
			String state) {
	}
}
