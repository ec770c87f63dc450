package com.healthconnect.auth.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Token ids that were signed out before they expired. Stored in MongoDB so that every instance refuses a replayed
 * token, and held in memory, so that checking the token of every request and every socket handshake costs a map
 * lookup instead of a database round trip.
 * <p>
 * A sign-out on this instance counts at once. Sign-outs on other instances are read every {@code sync} (1 s by
 * default): each read fetches the ids revoked since the last one, with a generous overlap for clocks that differ
 * between instances. Should the reads stop succeeding for three intervals (the database is unreachable), every check asks the
 * database directly again, so a stale memory never lets a signed-out token through for longer than that.
 */
@Component
public class RevokedTokens implements InitializingBean, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(RevokedTokens.class);

	/** Re-read revocations this much older than the newest seen: other instances' clocks and late writes. */
	private static final Duration OVERLAP = Duration.ofSeconds(30);

	private final MongoTemplate mongo;
	private final Clock clock;
	private final Duration sync;
	/** jti → when the token would have expired anyway (then the entry is no longer needed). */
	private final ConcurrentHashMap<String, Instant> known = new ConcurrentHashMap<>();
	private final ScheduledExecutorService syncer = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread thread = new Thread(r, "revoked-tokens-sync");
		thread.setDaemon(true);
		return thread;
	});

	/** Newest {@code revokedAt} read so far; null until the first full read. */
	private volatile Instant newestSeen;
	private volatile long lastSyncNanos;

	RevokedTokens(MongoTemplate mongo, Clock clock,
			@Value("${healthconnect.jwt.revocation-sync:1s}") Duration sync) {
		this.mongo = mongo;
		this.clock = clock;
		this.sync = sync;
	}

	@Override
	public void afterPropertiesSet() {
		// a real MongoDB deletes entries once the token would have expired anyway
		mongo.indexOps(RevokedToken.class).createIndex(new Index().on("expiresAt", Sort.Direction.ASC).expire(Duration.ZERO));
		mongo.indexOps(RevokedToken.class).createIndex(new Index().on("revokedAt", Sort.Direction.ASC));
		syncNow();
		syncer.scheduleWithFixedDelay(this::syncQuietly, sync.toMillis(), sync.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public void destroy() {
		syncer.shutdownNow();
	}

	public void revoke(String jti, Instant expiresAt) {
		mongo.save(new RevokedToken(jti, expiresAt, clock.instant()));
		known.put(jti, expiresAt);
	}

	public boolean isRevoked(String jti) {
		if (known.containsKey(jti)) {
			return true;
		}
		if (System.nanoTime() - lastSyncNanos <= sync.multipliedBy(3).toNanos()) {
			return false;
		}
		// the memory is stale: ask the shared store (one lookup by _id)
		boolean revoked = mongo.exists(Query.query(Criteria.where("_id").is(jti)), RevokedToken.class);
		if (revoked) {
			known.put(jti, rememberFor());
		}
		return revoked;
	}

	/** Reads what was revoked since the last read (everything, the first time) and forgets expired entries. */
	void syncNow() {
		Instant since = newestSeen;
		// entries written before revokedAt existed are read every time (the TTL index removes them within a lifetime)
		Query query = since == null ? new Query()
				: Query.query(new Criteria().orOperator(Criteria.where("revokedAt").gte(since.minus(OVERLAP)),
						Criteria.where("revokedAt").exists(false)));
		query.fields().include("_id", "expiresAt", "revokedAt");
		Instant newest = since;
		for (RevokedToken token : mongo.find(query, RevokedToken.class)) {
			known.put(token.jti(), token.expiresAt() != null ? token.expiresAt() : rememberFor());
			if (token.revokedAt() != null && (newest == null || token.revokedAt().isAfter(newest))) {
				newest = token.revokedAt();
			}
		}
		newestSeen = newest != null ? newest : clock.instant().minus(OVERLAP);
		Instant now = clock.instant();
		known.values().removeIf(expiry -> expiry.isBefore(now));
		lastSyncNanos = System.nanoTime();
	}

	/** How long to keep an id whose token expiry is not known here: a day, then the next full sync has it again. */
	private Instant rememberFor() {
		return clock.instant().plus(Duration.ofDays(1));
	}

	private void syncQuietly() {
		try {
			syncNow();
		}
		catch (RuntimeException ex) {
			log.warn("Could not read revoked tokens; checks ask the database directly until this works again: {}",
					ex.toString());
		}
	}

	@Document("revoked_tokens")
	record RevokedToken(@Id String jti, Instant expiresAt, Instant revokedAt) {
	}
}
