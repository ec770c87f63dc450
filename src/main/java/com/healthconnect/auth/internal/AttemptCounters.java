package com.healthconnect.auth.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

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
 * Counters of attempts in time windows, kept in MongoDB so that every instance counts the same attempts. Each counter
 * is one document per key, raised atomically while its window is open, restarted by the first attempt after it closes
 * and removed by a TTL index once closed. Keys are stored hashed: the counters need to tell e-mails and addresses apart, not to know them.
 */
@Component
class AttemptCounters implements InitializingBean {

	private final MongoTemplate mongo;
	private final Clock clock;

	AttemptCounters(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	@Override
	public void afterPropertiesSet() {
		mongo.indexOps(AttemptCounter.class)
			.createIndex(new Index().on("windowEnds", Sort.Direction.ASC).expire(Duration.ZERO));
	}

	/**
	 * Counts one more attempt for {@code key} and returns the count, this one included. A window opens with the first
	 * attempt and lasts {@code window}; the first attempt after it closes opens the next.
	 */
	long increment(String key, Duration window) {
		String id = sha256(key);
		for (int tries = 0; tries < 5; tries++) {
			Instant now = clock.instant();
			AttemptCounter counted = mongo.findAndModify(open(id, now), new Update().inc("count", 1),
					FindAndModifyOptions.options().returnNew(true), AttemptCounter.class);
			if (counted != null) {
				return counted.count();
			}
			AttemptCounter fresh = new AttemptCounter(id, 1, now.plus(window));
			try {
				mongo.insert(fresh);
				return 1;
			}
			catch (DuplicateKeyException ex) {
				// a closed window (restart it) or another instance's first attempt (count on it: next round)
				Query closed = Query.query(Criteria.where("_id").is(id).and("windowEnds").lte(now));
				if (mongo.findAndReplace(closed, fresh) != null) {
					return 1;
				}
			}
		}
		throw new IllegalStateException("Could not count an attempt: the counter kept changing");
	}

	/** The attempts counted for {@code key} in its open window. */
	long count(String key) {
		AttemptCounter counter = mongo.findOne(open(sha256(key), clock.instant()), AttemptCounter.class);
		return counter == null ? 0 : counter.count();
	}

	void reset(String key) {
		mongo.remove(Query.query(Criteria.where("_id").is(sha256(key))), AttemptCounter.class);
	}

	/** How long until the open window of {@code key} closes (zero when none is open). */
	Duration untilWindowCloses(String key) {
		Instant now = clock.instant();
		AttemptCounter counter = mongo.findOne(open(sha256(key), now), AttemptCounter.class);
		return counter == null ? Duration.ZERO : Duration.between(now, counter.windowEnds());
	}

	private static Query open(String id, Instant now) {
		return Query.query(Criteria.where("_id").is(id).and("windowEnds").gt(now));
	}

	static String sha256(String value) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** {@code windowEnds} also drives the TTL index: a closed window's counter is deleted by a real MongoDB. */
	@Document("attempt_counters")
	record AttemptCounter(@Id String id, long count, Instant windowEnds) {
	}
}
