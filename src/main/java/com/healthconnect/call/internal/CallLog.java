package com.healthconnect.call.internal;

import java.util.List;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.stereotype.Component;

/** The call log: every call a user placed or received, newest first. */
@Component
public class CallLog implements InitializingBean {

	private final MongoTemplate mongo;

	CallLog(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public void afterPropertiesSet() {
		mongo.indexOps(CallRecord.class)
			.createIndex(new Index().on("callerId", Sort.Direction.ASC).on("startedAt", Sort.Direction.DESC));
		mongo.indexOps(CallRecord.class)
			.createIndex(new Index().on("calleeId", Sort.Direction.ASC).on("startedAt", Sort.Direction.DESC));
	}

	public void record(CallRecord call) {
		mongo.save(call);
	}

	/** Every call the user placed or received, oldest first (for their data export). */
	public List<CallRecord> allOf(String userId) {
		return mongo.find(involving(userId).with(Sort.by("startedAt", "_id")), CallRecord.class);
	}

	public Page<CallRecord> of(String userId, Pageable page) {
		Query query = involving(userId);
		long total = mongo.count(query, CallRecord.class);
		query.with(page).with(Sort.by(Sort.Direction.DESC, "startedAt", "_id"));
		return PageableExecutionUtils.getPage(mongo.find(query, CallRecord.class), page, () -> total);
	}

	private static Query involving(String userId) {
		return Query.query(new Criteria().orOperator(Criteria.where("callerId").is(userId),
				Criteria.where("calleeId").is(userId)));
	}
}
