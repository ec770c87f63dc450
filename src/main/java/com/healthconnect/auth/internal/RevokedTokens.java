package com.healthconnect.auth.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Token ids that were signed out before they expired. Stored in MongoDB so that every instance refuses a replayed
 * token; remembered locally as well, since a revoked id never becomes valid again.
 */
@Component
public class RevokedTokens implements InitializingBean {

	private final MongoTemplate mongo;
	private final Clock clock;
	private final ConcurrentHashMap<String, Instant> known = new ConcurrentHashMap<>();

	RevokedTokens(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	@Override
	public void afterPropertiesSet() {
		// a real MongoDB deletes entries once the token would have expired anyway
		mongo.indexOps(RevokedToken.class).createIndex(new Index().on("expiresAt", org.springframework.data.domain.Sort.Direction.ASC).expire(Duration.ZERO));
	}

	public void revoke(String jti, Instant expiresAt) {
		mongo.save(new RevokedToken(jti, expiresAt));
		known.put(jti, expiresAt);
		if (known.size() > 10_000) {
			// entries for tokens that have expired anyway are no longer needed; rare, and on logout, not per request
			Instant now = clock.instant();
			known.values().removeIf(expiry -> expiry.isBefore(now));
		}
	}

	public boolean isRevoked(String jti) {
		if (known.containsKey(jti)) {
			return true;
		}
		// another instance may have signed this token out: ask the shared store (one lookup by _id)
		boolean revoked = mongo.exists(Query.query(Criteria.where("_id").is(jti)), RevokedToken.class);
		if (revoked) {
			known.put(jti, clock.instant().plus(Duration.ofDays(1)));
		}
		return revoked;
	}


	@Document("revoked_tokens")
	record RevokedToken(@Id String jti, Instant expiresAt) {
	}
}
