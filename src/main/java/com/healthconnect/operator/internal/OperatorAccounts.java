package com.healthconnect.operator.internal;

import java.util.Optional;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.healthconnect.auth.AccountStore;
import com.healthconnect.auth.AccountView;
import com.healthconnect.auth.Registration;
import com.healthconnect.auth.Role;
import com.healthconnect.operator.OperatorView;

/** The operator side of accounts. Operators cannot sign up: {@link #create} refuses. */
@Component
public class OperatorAccounts implements AccountStore, InitializingBean {

	private final MongoTemplate mongo;

	OperatorAccounts(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public void afterPropertiesSet() {
		mongo.indexOps(Operator.class).createIndex(new Index().on("email", Direction.ASC).unique().named("email_unique"));
	}

	@Override
	public Role role() {
		return Role.OPERATOR;
	}

	@Override
	public Optional<StoredCredentials> findCredentials(String email) {
		return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("email").is(email)), Operator.class))
			.map(o -> new StoredCredentials(o.id(), o.passwordHash()));
	}

	@Override
	public AccountView create(String id, Registration registration, String email, String passwordHash) {
		throw new UnsupportedOperationException("Operators cannot sign up");
	}

	public Operator insert(Operator operator) {
		return mongo.insert(operator);
	}

	@Override
	public Optional<AccountView> find(String id) {
		return Optional.ofNullable(mongo.findById(id, Operator.class)).map(o -> new OperatorView(o.id(), o.name(), o.email()));
	}

	@Override
	public void setPasswordHash(String id, String passwordHash) {
		mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), Update.update("passwordHash", passwordHash),
				Operator.class);
	}

	@Override
	public void delete(String id) {
		mongo.remove(Query.query(Criteria.where("_id").is(id)), Operator.class);
	}
}
