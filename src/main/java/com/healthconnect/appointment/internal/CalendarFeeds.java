package com.healthconnect.appointment.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.beans.factory.InitializingBean;
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
 * The private calendar-feed addresses: one per user at a time, stored only as a SHA-256 hash of the secret, so a
 * database dump reveals no working address. A new secret replaces the old one.
 */
@Component
public class CalendarFeeds implements InitializingBean {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final MongoTemplate mongo;

	CalendarFeeds(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public void afterPropertiesSet() {
		mongo.indexOps(Feed.class).createIndex(new Index().on("userId", Sort.Direction.ASC).named("feed_user"));
	}

	/** A new secret for the user; the previous one stops working. */
	public String renew(String userId, Role role, Instant now) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		mongo.remove(Query.query(Criteria.where("userId").is(userId)), Feed.class);
		mongo.insert(new Feed(hash(secret), userId, role, now));
		return secret;
	}

	/** The user's feed stops working (the account was deleted). */
	public void forget(String userId) {
		mongo.remove(Query.query(Criteria.where("userId").is(userId)), Feed.class);
	}

	public Optional<Feed> find(String secret) {
		if (secret == null || secret.length() > 100) {
			return Optional.empty();
		}
		return Optional.ofNullable(mongo.findById(hash(secret), Feed.class));
	}

	private static String hash(String secret) {
		try {
			return HexFormat.of().formatHex(
					MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Document("calendar_feeds")
	public record Feed(@Id String id, String userId, Role role, Instant createdAt) {
	}
}
