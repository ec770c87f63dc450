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
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Token ids that were signed out before they expired. Stored in MongoDB so that every instance refuses a replayed
 * token, and held in memory, so that checking the token of every request and every socket handshake costs a map
 * lookup instead of a database round trip.
 * <p>
 * A sign-out on this instance counts at once. Sign-outs on other instances are read every
 * {@code healthconnect.jwt.revocation-sync} (1 s by default) through a {@link ChangeFeed}; should those reads fail for
 * three intervals, every check asks the database directly.
 */
@Component
public class RevokedTokens implements InitializingBean, SmartInitializingSingleton, DisposableBean {

	private final MongoTemplate mongo;
	private final Clock clock;
	private final TaskScheduler scheduler;
	private final ChangeFeed<RevokedToken> feed;
	/** jti → when the token would have expired anyway (then the entry is no longer needed). */
	private final ConcurrentHashMap<String, Instant> known = new ConcurrentHashMap<>();

	RevokedTokens(MongoTemplate mongo, Clock clock, @Lazy TaskScheduler scheduler,
			@Value("${healthconnect.jwt.revocation-sync:1s}") Duration sync) {
		this.mongo = mongo;
		this.clock = clock;
		this.scheduler = scheduler;
		this.feed = new ChangeFeed<>("revoked tokens", sync, clock, this::revokedSince, RevokedToken::revokedAt,
				this::remember);
	}

	@Override
	public void afterPropertiesSet() {
		// a real MongoDB deletes entries once the token would have expired anyway
		mongo.indexOps(RevokedToken.class).createIndex(new Index().on("expiresAt", Sort.Direction.ASC).expire(Duration.ZERO));
		mongo.indexOps(RevokedToken.class).createIndex(new Index().on("revokedAt", Sort.Direction.ASC));
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

	public void revoke(String jti, Instant expiresAt) {
		mongo.save(new RevokedToken(jti, expiresAt, clock.instant()));
		known.put(jti, expiresAt);
	}

	public boolean isRevoked(String jti) {
		if (known.containsKey(jti)) {
			return true;
		}
		if (feed.isFresh()) {
			return false;
		}
		// the memory is stale: ask the shared store (one lookup by _id)
		boolean revoked = mongo.exists(Query.query(Criteria.where("_id").is(jti)), RevokedToken.class);
		if (revoked) {
			known.put(jti, rememberFor());
		}
		return revoked;
	}

	/** What was revoked since then (everything for null); expired entries are forgotten on the way. */
	private List<RevokedToken> revokedSince(Instant since) {
		Instant now = clock.instant();
		known.values().removeIf(expiry -> expiry.isBefore(now));
		// entries written before revokedAt existed are read every time (the TTL index removes them within a lifetime)
		Query query = since == null ? new Query()
				: Query.query(new Criteria().orOperator(Criteria.where("revokedAt").gte(since),
						Criteria.where("revokedAt").exists(false)));
		query.fields().include("_id", "expiresAt", "revokedAt");
		return mongo.find(query, RevokedToken.class);
	}

	private void remember(RevokedToken token) {
		known.put(token.jti(), token.expiresAt() != null ? token.expiresAt() : rememberFor());
	}

	/** How long to keep an id whose token expiry is not known here: a day, then the next full sync has it again. */
	private Instant rememberFor() {
		return clock.instant().plus(Duration.ofDays(1));
	}

	@Document("revoked_tokens")
	record RevokedToken(@Id String jti, Instant expiresAt, Instant revokedAt) {
	}
}
