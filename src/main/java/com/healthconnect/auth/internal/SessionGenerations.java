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
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * "Every session signed in before now is over", per user: after a password reset or change, or when an operator
 * disables the account. Each user has a session generation (0 until first raised); every token carries the generation
 * it was issued in ({@code gen}), and a token from an older generation is refused. A counter rather than a timestamp:
 * a token's {@code iat} has whole seconds, so a cut-off instant could not tell a session signed in a moment before a
 * reset from the one the reset hands out.
 * <p>
 * Stored in MongoDB so every instance refuses the old sessions, and held in memory so the check per request is a map
 * lookup: raised generations are read from the database every {@code healthconnect.jwt.revocation-sync} (as
 * {@link RevokedTokens} reads sign-outs), and should those reads fail for three intervals, checks ask the database.
 */
@Component
public class SessionGenerations implements InitializingBean, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(SessionGenerations.class);
	private static final Duration OVERLAP = Duration.ofSeconds(30);

	private final MongoTemplate mongo;
	private final Clock clock;
	private final Duration sync;
	private final ConcurrentHashMap<String, Long> known = new ConcurrentHashMap<>();
	private final ScheduledExecutorService syncer = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread thread = new Thread(r, "session-generations-sync");
		thread.setDaemon(true);
		return thread;
	});
	private volatile Instant newestSeen;
	private volatile long lastSyncNanos;

	SessionGenerations(MongoTemplate mongo, Clock clock,
			@Value("${healthconnect.jwt.revocation-sync:1s}") Duration sync) {
		this.mongo = mongo;
		this.clock = clock;
		this.sync = sync;
	}

	@Override
	public void afterPropertiesSet() {
		mongo.indexOps(SessionGeneration.class).createIndex(new Index().on("changedAt", Sort.Direction.ASC));
		syncNow();
		syncer.scheduleWithFixedDelay(this::syncQuietly, sync.toMillis(), sync.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public void destroy() {
		syncer.shutdownNow();
	}

	/** The generation new tokens of this user are issued in. */
	public long current(String userId) {
		Long generation = known.get(userId);
		if (generation != null) {
			return generation;
		}
		if (System.nanoTime() - lastSyncNanos <= sync.multipliedBy(3).toNanos()) {
			return 0;
		}
		SessionGeneration stored = mongo.findById(userId, SessionGeneration.class);
		return stored == null ? 0 : stored.generation();
	}

	/** Ends every session of this user signed in so far; returns the generation to issue new tokens in. */
	public long endAll(String userId) {
		SessionGeneration raised = mongo.findAndModify(Query.query(Criteria.where("_id").is(userId)),
				new Update().inc("generation", 1).set("changedAt", clock.instant()),
				FindAndModifyOptions.options().upsert(true).returnNew(true), SessionGeneration.class);
		known.merge(userId, raised.generation(), Math::max);
		return raised.generation();
	}

	/** Whether a token issued in {@code generation} still counts. */
	public boolean isCurrent(String userId, long generation) {
		return generation >= current(userId);
	}

	void syncNow() {
		Instant since = newestSeen;
		Query query = since == null ? new Query() : Query.query(Criteria.where("changedAt").gte(since.minus(OVERLAP)));
		Instant newest = since;
		for (SessionGeneration stored : mongo.find(query, SessionGeneration.class)) {
			known.merge(stored.userId(), stored.generation(), Math::max);
			if (stored.changedAt() != null && (newest == null || stored.changedAt().isAfter(newest))) {
				newest = stored.changedAt();
			}
		}
		newestSeen = newest != null ? newest : clock.instant().minus(OVERLAP);
		lastSyncNanos = System.nanoTime();
	}

	private void syncQuietly() {
		try {
			syncNow();
		}
		catch (RuntimeException ex) {
			log.warn("Could not read session generations; checks ask the database directly until this works again: {}",
					ex.toString());
		}
	}

	@Document("session_generations")
	record SessionGeneration(@Id String userId, long generation, Instant changedAt) {
	}
}
