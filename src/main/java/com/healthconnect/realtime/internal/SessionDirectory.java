package com.healthconnect.realtime.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.healthconnect.auth.CurrentUser;
import com.healthconnect.auth.Role;
import com.healthconnect.realtime.OnlineUsers;
import com.healthconnect.realtime.UserSessionClosed;
import com.healthconnect.realtime.UserSessionOpened;

/**
 * Every open STOMP session of every instance, in MongoDB ({@code realtime_sessions}), so that "is this user online?"
 * has one answer whichever instance asks. Each instance keeps a heartbeat in {@code realtime_instances}; an instance
 * that stopped beating for {@code healthconnect.realtime.instance-timeout} is taken for dead by the others, which
 * remove its sessions and publish {@link UserSessionClosed} for each (its calls end, presence goes offline). Each
 * instance also reconciles its own sessions with the sockets it really holds at every beat, so a record left by a
 * race between a CONNECT and a close does not keep anyone online.
 */
@Component
class SessionDirectory implements OnlineUsers, DisposableBean {

	static final String SESSIONS = "realtime_sessions";
	static final String INSTANCES = "realtime_instances";
	private static final Logger log = LoggerFactory.getLogger(SessionDirectory.class);

	private final MongoTemplate mongo;
	private final Clock clock;
	private final ApplicationEventPublisher events;
	private final RealtimeProperties properties;
	private final String instance = UUID.randomUUID().toString();
	/** This instance's open sessions: sessionId → user. */
	private final ConcurrentHashMap<String, CurrentUser> local = new ConcurrentHashMap<>();
	/** How many of {@link #local} each user has: "online here?" without a scan of every session. */
	private final ConcurrentHashMap<String, Integer> localPerUser = new ConcurrentHashMap<>();

	SessionDirectory(MongoTemplate mongo, Clock clock, ApplicationEventPublisher events,
			RealtimeProperties properties) {
		this.mongo = mongo;
		this.clock = clock;
		this.events = events;
		this.properties = properties;
		mongo.indexOps(SESSIONS).createIndex(new Index().on("userId", Sort.Direction.ASC).named("user"));
		mongo.indexOps(SESSIONS).createIndex(new Index().on("instance", Sort.Direction.ASC).named("instance"));
		beat();
	}

	String instanceId() {
		return instance;
	}

	@Override
	public boolean isOnline(String userId) {
		if (userId == null) {
			return false;
		}
		return localPerUser.containsKey(userId) || mongo.exists(Query.query(Criteria.where("userId").is(userId)), SESSIONS);
	}

	/**
	 * How many sessions the user holds on other instances (connected there, and those instances alive), counting at
	 * most {@code upTo}. A find on the indexed {@code userId}, not a count: a count is an aggregation, which the
	 * embedded server answers by reading every session of every user (10,000 handshakes took 10 s of its CPU).
	 */
	int sessionsElsewhere(String userId, int upTo) {
		Query query = Query.query(Criteria.where("userId").is(userId).and("instance").ne(instance)).limit(upTo);
		query.fields().include("_id");
		return mongo.find(query, Document.class, SESSIONS).size();
	}

	/** A session of the user connected here (its CONNECT was accepted). */
	void opened(CurrentUser user, String sessionId) {
		local.put(sessionId, user);
		localPerUser.merge(user.id(), 1, Integer::sum);
		mongo.save(new Document("_id", sessionId).append("userId", user.id())
			.append("role", user.role().name())
			.append("instance", instance)
			.append("openedAt", clock.instant()), SESSIONS);
		if (!local.containsKey(sessionId)) {
			// closed while it was being recorded
			mongo.remove(Query.query(Criteria.where("_id").is(sessionId)), SESSIONS);
			return;
		}
		events.publishEvent(new UserSessionOpened(user, sessionId));
	}

	/** A session's socket closed here. */
	void closed(String sessionId) {
		CurrentUser user = local.remove(sessionId);
		if (user == null) {
			return;
		}
		localPerUser.computeIfPresent(user.id(), (id, count) -> count == 1 ? null : count - 1);
		if (mongo.remove(Query.query(Criteria.where("_id").is(sessionId)), SESSIONS).getDeletedCount() == 0) {
			return; // already ended by another instance that took this one for dead
		}
		events.publishEvent(new UserSessionClosed(user, sessionId, isOnline(user.id())));
	}

	int localCount() {
		return local.size();
	}

	/**
	 * The heartbeat: this instance is alive; its session records match its open sockets; the sessions of instances
	 * that stopped beating are removed and announced closed.
	 */
	@Scheduled(fixedDelayString = "${healthconnect.realtime.instance-heartbeat:5s}")
	void heartbeat() {
		try {
			beat();
			reconcile();
			removeDeadInstances();
		}
		catch (DataAccessException ex) {
			log.warn("Realtime heartbeat failed: {}", ex.toString());
		}
	}

	private void beat() {
		mongo.upsert(Query.query(Criteria.where("_id").is(instance)), new Update().set("seenAt", clock.instant()),
				INSTANCES);
	}

	private void reconcile() {
		Set<String> open = local.keySet();
		List<Document> recorded = mongo.find(Query.query(Criteria.where("instance").is(instance)), Document.class,
				SESSIONS);
		for (Document record : recorded) {
			if (!open.contains(record.getString("_id"))) {
				mongo.remove(Query.query(Criteria.where("_id").is(record.getString("_id"))), SESSIONS);
			}
		}
	}

	private void removeDeadInstances() {
		Instant deadline = clock.instant().minus(properties.instanceTimeout());
		List<Document> dead = mongo.find(Query.query(Criteria.where("seenAt").lt(deadline)), Document.class,
				INSTANCES);
		for (Document instanceRecord : dead) {
			String deadId = instanceRecord.getString("_id");
			// one instance wins the removal; it announces the dead instance's sessions
			if (mongo.remove(Query.query(Criteria.where("_id").is(deadId).and("seenAt").lt(deadline)), INSTANCES)
				.getDeletedCount() == 0) {
				continue;
			}
			log.warn("Instance {} stopped answering; ending its realtime sessions", deadId);
			for (Document session : mongo.findAllAndRemove(Query.query(Criteria.where("instance").is(deadId)),
					Document.class, SESSIONS)) {
				CurrentUser user = new CurrentUser(session.getString("userId"), Role.valueOf(session.getString("role")));
				events.publishEvent(new UserSessionClosed(user, session.getString("_id"), isOnline(user.id())));
			}
		}
	}

	/**
	 * Going down: this instance is marked dead, so the next heartbeat of another instance ends whatever sessions it
	 * still has on record (their calls end, presence goes offline), exactly as if it had crashed, only sooner.
	 */
	@Override
	public void destroy() {
		try {
			mongo.upsert(Query.query(Criteria.where("_id").is(instance)), new Update().set("seenAt", Instant.EPOCH),
					INSTANCES);
		}
		catch (RuntimeException ex) {
			log.debug("Could not mark this instance stopped: {}", ex.toString());
		}
	}

	@EventListener(ApplicationReadyEvent.class)
	void ready() {
		beat();
	}
}
