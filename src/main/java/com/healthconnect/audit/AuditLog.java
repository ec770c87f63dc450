package com.healthconnect.audit;

import java.time.Clock;
import java.util.List;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import com.healthconnect.platform.Pages;

/**
 * The append-only audit log. It offers exactly two operations, append and read: there is deliberately no update or
 * delete, and entries are written with {@code insert}, never {@code save}, so an existing one is never overwritten. The
 * single exception is {@link #pseudonymise}: a deleted account's name on the entries it made.
 */
@Service
public class AuditLog implements InitializingBean {

	static final String COLLECTION = "audit_log";

	private final MongoTemplate mongo;
	private final Clock clock;

	AuditLog(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	@Override
	public void afterPropertiesSet() {
		mongo.indexOps(COLLECTION)
			.createIndex(new Index().on("subjectId", Direction.ASC).on("at", Direction.DESC).named("subject_at"));
	}

	/** Appends one entry: {@code actor} did {@code action} to {@code recordType/recordId}, which is about {@code subjectId}. */
	public void record(Actor actor, String action, String subjectId, String recordType, String recordId) {
		mongo.insert(new AuditRecord(null, subjectId, recordType, recordId, actor.id(), actor.name(), actor.role(),
				action, clock.instant()));
	}

	/** The whole log, newest first, for operators: who did what to which record, never the record's content. */
	public Pages<AuditLogLine> all(Integer page, Integer size) {
		PageRequest request = Pages.request(page, size, Sort.by(Direction.DESC, "at").and(Sort.by(Direction.DESC, "_id")));
		long total = mongo.count(new Query(), AuditRecord.class);
		List<AuditRecord> records = mongo.find(new Query().with(request), AuditRecord.class);
		return Pages.of(new PageImpl<>(records, request, total),
				r -> new AuditLogLine(new Actor(r.actorId(), r.actorName(), r.actorRole()), r.action(), r.subjectId(),
						r.recordType(), r.recordId(), r.at()));
	}

	/** Every entry about this user or by them, oldest first (the data export). */
	public List<AuditLogLine> involving(String userId) {
		Query query = Query.query(new Criteria().orOperator(Criteria.where("subjectId").is(userId),
				Criteria.where("actorId").is(userId))).with(Sort.by("at", "_id"));
		return mongo.find(query, AuditRecord.class).stream()
			.map(r -> new AuditLogLine(new Actor(r.actorId(), r.actorName(), r.actorRole()), r.action(), r.subjectId(),
					r.recordType(), r.recordId(), r.at()))
			.toList();
	}

	/**
	 * The one change the log allows: a deleted account's name, kept on the entries it made, becomes {@code
	 * replacement}. What was done, to which record and when stays (the reason the log is kept at all).
	 */
	public void pseudonymise(String actorId, String replacement) {
		mongo.updateMulti(Query.query(Criteria.where("actorId").is(actorId)),
				new org.springframework.data.mongodb.core.query.Update().set("actorName", replacement),
				AuditRecord.class);
	}

	/** Everything done to records about this subject, newest first. */
	public Pages<AuditEntry> about(String subjectId, Integer page, Integer size) {
		PageRequest request = Pages.request(page, size, Sort.by(Direction.DESC, "at").and(Sort.by(Direction.DESC, "_id")));
		Query query = Query.query(Criteria.where("subjectId").is(subjectId));
		long total = mongo.count(query, AuditRecord.class);
		List<AuditRecord> records = mongo.find(Query.of(query).with(request), AuditRecord.class);
		return Pages.of(new PageImpl<>(records, request, total),
				r -> new AuditEntry(new Actor(r.actorId(), r.actorName(), r.actorRole()), r.action(), r.at()));
	}
}
