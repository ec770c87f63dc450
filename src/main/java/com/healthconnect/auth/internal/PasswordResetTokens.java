package com.healthconnect.auth.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

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

import com.healthconnect.auth.Role;

/**
 * Single-use password-reset tokens. Only a SHA-256 of each token is stored (a database leak gives no working link);
 * a token is valid for {@code healthconnect.password-reset.ttl} and is consumed by its first use, atomically.
 */
@Component
public class PasswordResetTokens implements InitializingBean {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final MongoTemplate mongo;
	private final Clock clock;
	private final Duration ttl;

	PasswordResetTokens(MongoTemplate mongo, Clock clock,
			@Value("${healthconnect.password-reset.ttl:30m}") Duration ttl) {
		this.mongo = mongo;
		this.clock = clock;
		this.ttl = ttl;
	}

	@Override
	public void afterPropertiesSet() {
		mongo.indexOps(ResetToken.class).createIndex(new Index().on("expiresAt", Sort.Direction.ASC).expire(Duration.ZERO));
		mongo.indexOps(ResetToken.class).createIndex(new Index().on("userId", Sort.Direction.ASC));
	}

	public Duration ttl() {
		return ttl;
	}

	/** A new token for this account; the plain value goes into the mail and nowhere else. */
	public String issue(String userId, Role role) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		mongo.insert(new ResetToken(AttemptCounters.sha256(token), userId, role, clock.instant().plus(ttl)));
		return token;
	}

	/** Consumes the token if it is known, unused and unexpired: the account it resets. */
	public Optional<Holder> consume(String token) {
		Query valid = Query.query(Criteria.where("_id").is(AttemptCounters.sha256(token))
			.and("expiresAt").gt(clock.instant()));
		ResetToken used = mongo.findAndRemove(valid, ResetToken.class);
		if (used == null) {
			return Optional.empty();
		}
		// the other links of this account are void too: one reset per request
		mongo.remove(Query.query(Criteria.where("userId").is(used.userId())), ResetToken.class);
		return Optional.of(new Holder(used.userId(), used.role()));
	}

	public void forget(String userId) {
		mongo.remove(Query.query(Criteria.where("userId").is(userId)), ResetToken.class);
	}

	public record Holder(String userId, Role role) {
	}

	@Document("password_reset_tokens")
	record ResetToken(@Id String hash, String userId, Role role, Instant expiresAt) {
	}
}
