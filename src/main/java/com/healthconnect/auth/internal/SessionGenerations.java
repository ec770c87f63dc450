package com.healthconnect.auth.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * "Every session signed in before now is over", per user: after a password reset or change, or when an operator
 * disables the account. Each user has a session generation (0 until first raised); every token carries the generation
 * it was issued in ({@code gen}), and a token from an older generation is refused. A counter rather than a timestamp:
 * a token's {@code iat} has whole seconds, so a cut-off instant could not tell a session signed in a moment before a
 * reset from the one the reset hands out.
 * <p>
 * Stored in MongoDB so every instance refuses the old sessions, and held in memory so the check per request is a map
 * lookup: raised generations are read through a {@link ChangeFeed} every {@code healthconnect.jwt.revocation-sync} (as
 * {@link RevokedTokens} reads sign-outs), and should those reads fail for three intervals, checks ask the database.
 */
@Component
public class SessionGenerations implements InitializingBean, SmartInitializingSingleton, DisposableBean {

	private final MongoTemplate mongo;
	private final Clock clock;
	private final ConcurrentHashMap<String, Long> known = new ConcurrentHashMap<>();
	private final TaskScheduler scheduler;
	private final ChangeFeed<SessionGeneration> feed;

	SessionGenerations(MongoTemplate mongo, Clock clock, @Lazy TaskScheduler scheduler,
			@Value("${healthconnect.jwt.revocation-sync:1s}") Duration sync) {
		this.mongo = mongo;
		this.clock = clock;
		this.scheduler = scheduler;
		this.feed = new ChangeFeed<>("session generations", sync, clock, this::changedSince,
				SessionGeneration::changedAt, stored -> known.merge(stored.userId(), stored.generation(), Math::max));
	}

	@Override
	public void afterPropertiesSet() {
		mongo.indexOps(SessionGeneration.class).createIndex(new Index().on("changedAt", Sort.Direction.ASC));
		// read everything before the app serves anything (a failure stops the start-up)
		feed.readNow();
	}

	/**
	 * Follows the changes once every bean exists: the app's scheduler comes with the WebSocket set-up, which needs
	 * this bean.
	 */
	@Override
	public void afterSingletonsInstantiated() {
		feed.follow(scheduler);
	}

	@Override
	public void destroy() {
		feed.stop();
	}

	/** The generation new tokens of this user are issued in. */
	public long current(String userId) {
		Long generation = known.get(userId);
		if (generation != null) {
			return generation;
		}
		if (feed.isFresh()) {
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

	private List<SessionGeneration> changedSince(Instant since) {
		return mongo.find(since == null ? new Query() : Query.query(Criteria.where("changedAt").gte(since)),
				SessionGeneration.class);
	}

	@Document("session_generations")
	record SessionGeneration(@Id String userId, long generation, Instant changedAt) {
	}
}
