package com.healthconnect.auth.internal;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Each account's two-factor state in {@code two_factor}: the TOTP secret once enabled (or a pending one while the user
 * enrols), the recovery codes as SHA-256 hashes, and the last time step a code was accepted for (a code works once).
 * Every change that must happen once is a single conditional update, atomic on MongoDB and the embedded server.
 */
@Component
public class TwoFactorStore {

	private final MongoTemplate mongo;

	TwoFactorStore(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	public TwoFactor find(String userId) {
		return mongo.findById(userId, TwoFactor.class);
	}

	public void startEnrolment(String userId, String pendingSecret, Instant now) {
		mongo.upsert(Query.query(Criteria.where("_id").is(userId).and("secret").is(null)),
				new Update().set("pendingSecret", pendingSecret).set("pendingSince", now), TwoFactor.class);
	}

	/** Turns the pending secret on with these recovery code hashes; false when there was none (or it changed). */
	public boolean enable(String userId, String pendingSecret, List<String> recoveryHashes, long step, Instant now) {
		return mongo.updateFirst(Query.query(Criteria.where("_id").is(userId).and("pendingSecret").is(pendingSecret)
			.and("secret").is(null)),
				new Update().set("secret", pendingSecret).unset("pendingSecret").unset("pendingSince")
					.set("recoveryHashes", recoveryHashes).set("lastStep", step).set("enabledAt", now),
				TwoFactor.class).getModifiedCount() == 1;
	}

	/** Records that a code of {@code step} was used; false when that step (or a later one) was used already. */
	public boolean useStep(String userId, long step) {
		return mongo.findAndModify(Query.query(Criteria.where("_id").is(userId).and("lastStep").lt(step)),
				new Update().set("lastStep", step), FindAndModifyOptions.options().returnNew(true),
				TwoFactor.class) != null;
	}

	/** Takes one recovery code by its hash; false when it is not (or no longer) there. */
	public boolean useRecoveryCode(String userId, String hash) {
		return mongo.updateFirst(Query.query(Criteria.where("_id").is(userId).and("recoveryHashes").is(hash)),
				new Update().pull("recoveryHashes", hash), TwoFactor.class).getModifiedCount() == 1;
	}

	public void replaceRecoveryCodes(String userId, List<String> recoveryHashes) {
		mongo.updateFirst(Query.query(Criteria.where("_id").is(userId).and("secret").ne(null)),
				Update.update("recoveryHashes", recoveryHashes), TwoFactor.class);
	}

	public void remove(String userId) {
		mongo.remove(Query.query(Criteria.where("_id").is(userId)), TwoFactor.class);
	}

	@Document("two_factor")
	public record TwoFactor(@Id String userId, String secret, String pendingSecret, Instant pendingSince,
			List<String> recoveryHashes, Long lastStep, Instant enabledAt) {

		public boolean enabled() {
			return secret != null;
		}

		public int recoveryCodesLeft() {
			return recoveryHashes == null ? 0 : recoveryHashes.size();
		}
	}
}
