package com.healthconnect.auth.internal;

import java.time.Clock;
import java.time.Instant;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Accounts an operator disabled: they cannot sign in until enabled again. */
@Component
public class DisabledAccounts {

	private final MongoTemplate mongo;
	private final Clock clock;

	DisabledAccounts(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	public void disable(String userId, String byOperatorId) {
		try {
			mongo.insert(new DisabledAccount(userId, byOperatorId, clock.instant()));
		}
		catch (DuplicateKeyException ex) {
			// disabled already
		}
	}

	public void enable(String userId) {
		mongo.remove(Query.query(Criteria.where("_id").is(userId)), DisabledAccount.class);
	}

	public boolean isDisabled(String userId) {
		return mongo.exists(Query.query(Criteria.where("_id").is(userId)), DisabledAccount.class);
	}

	@Document("disabled_accounts")
	record DisabledAccount(@Id String userId, String disabledBy, Instant disabledAt) {
	}
}
