package com.healthconnect.call.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The calls ringing or in progress, on every instance: in MongoDB, so a callee on another instance can answer, busy
 * means busy everywhere, and a call is ended (and logged) once. Who is in a call is a document per user
 * ({@code call_parties}, keyed by the user's id), so two instances starting calls to the same person at once cannot
 * both succeed: the second insert of that key fails. Every change is one atomic operation on one document; a call is
 * ended by removing it, and only the instance whose removal took it logs it and tells the parties.
 * <p>
 * An answered call whose party's session closed is not ended but interrupted: that party's {@code callerRejoinBy} or
 * {@code calleeRejoinBy} holds the deadline for a new session of theirs to rejoin, which binds that session to the
 * call and clears the deadline in one update. A call past a deadline is dropped by whichever instance removes it.
 */
@Component
class CallRegistry {

	static final String CALLS = "active_calls";
	static final String PARTIES = "call_parties";
	/** A party record without its call is left over from a crash between the two writes once it is this old. */
	private static final Duration ORPHAN_AFTER = Duration.ofSeconds(10);

	private final MongoTemplate mongo;
	private final Clock clock;

	enum StartResult { STARTED, CALLEE_BUSY, CALLER_BUSY }

	record Started(StartResult result, Call call) {
	}

	CallRegistry(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
		mongo.indexOps(CALLS).createIndex(new Index().on("callerSession", Sort.Direction.ASC).named("callerSession"));
		mongo.indexOps(CALLS).createIndex(new Index().on("calleeSession", Sort.Direction.ASC).named("calleeSession"));
		mongo.indexOps(CALLS).createIndex(new Index().on("ringsUntil", Sort.Direction.ASC).named("ringsUntil"));
		mongo.indexOps(CALLS).createIndex(new Index().on("callerRejoinBy", Sort.Direction.ASC).named("callerRejoinBy"));
		mongo.indexOps(CALLS).createIndex(new Index().on("calleeRejoinBy", Sort.Direction.ASC).named("calleeRejoinBy"));
	}

	Started start(String callerId, String callerSession, String calleeId, String mode, Instant now,
			Instant ringsUntil, String appointmentId, String callerName) {
		String id = new ObjectId().toHexString();
		if (!claim(calleeId, id, now)) {
			return new Started(StartResult.CALLEE_BUSY, null);
		}
		if (!claim(callerId, id, now)) {
			release(calleeId, id);
			return new Started(StartResult.CALLER_BUSY, null);
		}
		Call call = new Call(id, callerId, callerSession, calleeId, null, mode, now, null, ringsUntil, appointmentId,
				callerName);
		mongo.insert(call.toDocument(), CALLS);
		return new Started(StartResult.STARTED, call);
	}

	/** Marks a ringing call answered by its callee in one session; empty if it is not ringing any more. */
	Optional<Call> answer(String callId, String calleeId, String callerId, String session, Instant now) {
		Document answered = mongo.findAndModify(
				Query.query(Criteria.where("_id").is(callId).and("calleeId").is(calleeId).and("callerId").is(callerId)
					.and("answeredAt").is(null)),
				new Update().set("answeredAt", now).set("calleeSession", session),
				FindAndModifyOptions.options().returnNew(true), Document.class, CALLS);
		return Optional.ofNullable(answered).map(Call::of);
	}

	Optional<Call> find(String callId) {
		if (callId == null || !ObjectId.isValid(callId)) {
			return Optional.empty();
		}
		return Optional.ofNullable(mongo.findById(callId, Document.class, CALLS)).map(Call::of);
	}

	/** The call the two users are in together, if any. */
	Optional<Call> between(String userA, String userB) {
		Document party = mongo.findById(partyKey(userA), Document.class, PARTIES);
		return party == null ? Optional.empty()
				: find(party.getString("callId")).filter(call -> call.involves(userB));
	}

	/** Ends the call if the user takes part in it; empty when it was not (or no longer) there. */
	Optional<Call> end(String callId, String userId) {
		if (callId == null) {
			return Optional.empty();
		}
		return remove(Query.query(Criteria.where("_id").is(callId)
			.orOperator(Criteria.where("callerId").is(userId), Criteria.where("calleeId").is(userId))));
	}

	Optional<Call> endIfRinging(String callId) {
		return remove(Query.query(Criteria.where("_id").is(callId).and("answeredAt").is(null)));
	}

	/**
	 * Ends the ringing calls a closed session took part in, and ringing calls to a user who is no longer online.
	 * Answered calls are {@link #interruptForClosedSession interrupted} instead.
	 */
	List<Call> endForClosedSession(String userId, String sessionId, boolean userStillOnline) {
		List<Criteria> which = new ArrayList<>(List.of(Criteria.where("callerSession").is(sessionId),
				Criteria.where("calleeSession").is(sessionId)));
		if (!userStillOnline) {
			which.add(Criteria.where("calleeId").is(userId));
		}
		List<Call> ended = new ArrayList<>();
		for (Document document : mongo.find(
				Query.query(Criteria.where("answeredAt").is(null).orOperator(which)), Document.class, CALLS)) {
			endIfRinging(document.get("_id").toString()).ifPresent(ended::add);
		}
		return ended;
	}

	/**
	 * The answered calls in which this session was the user's: each waits until {@code rejoinBy} for a new session of
	 * the user. Only the instance whose update set the deadline gets the call back, so the peer is told once.
	 */
	List<Call> interruptForClosedSession(String userId, String sessionId, Instant rejoinBy) {
		List<Call> interrupted = new ArrayList<>();
		for (boolean caller : new boolean[] { true, false }) {
			Criteria party = Criteria.where(caller ? "callerId" : "calleeId").is(userId)
				.and(Call.sessionField(caller)).is(sessionId)
				.and("answeredAt").ne(null)
				.and(Call.rejoinByField(caller)).is(null);
			for (Document document : mongo.find(Query.query(party), Document.class, CALLS)) {
				Document updated = mongo.findAndModify(
						Query.query(Criteria.where("_id").is(document.get("_id")).andOperator(party)),
						new Update().set(Call.rejoinByField(caller), rejoinBy),
						FindAndModifyOptions.options().returnNew(true), Document.class, CALLS);
				if (updated != null) {
					interrupted.add(Call.of(updated));
				}
			}
		}
		return interrupted;
	}

	/**
	 * A party of an answered call comes back in a new session: the session becomes theirs in the call and any wait for
	 * them ends. Empty when the user is not a party of that answered call, or it ended (or its deadline passed).
	 */
	Optional<Call> rejoin(String callId, String userId, String sessionId, Instant now) {
		Optional<Call> call = find(callId).filter(c -> !c.ringing() && c.involves(userId));
		if (call.isEmpty()) {
			return Optional.empty();
		}
		boolean caller = call.get().callerId.equals(userId);
		String deadline = Call.rejoinByField(caller);
		Document rejoined = mongo.findAndModify(
				Query.query(Criteria.where("_id").is(callId).and(caller ? "callerId" : "calleeId").is(userId)
					.and("answeredAt").ne(null)
					.orOperator(Criteria.where(deadline).is(null), Criteria.where(deadline).gte(now))),
				new Update().set(Call.sessionField(caller), sessionId).unset(deadline),
				FindAndModifyOptions.options().returnNew(true), Document.class, CALLS);
		return Optional.ofNullable(rejoined).map(Call::of);
	}

	/** Ends the call if a party's rejoin deadline has passed; empty when it was rejoined or ended already. */
	Optional<Call> endIfDropped(String callId, Instant now) {
		return remove(Query.query(Criteria.where("_id").is(callId).orOperator(overdue(now))));
	}

	/** Calls a party did not rejoin in time, ended here (each by one instance only). */
	List<Call> endDroppedBefore(Instant now) {
		List<Call> ended = new ArrayList<>();
		for (Document document : mongo.find(Query.query(new Criteria().orOperator(overdue(now))), Document.class,
				CALLS)) {
			endIfDropped(document.get("_id").toString(), now).ifPresent(ended::add);
		}
		return ended;
	}

	private static Criteria[] overdue(Instant now) {
		return new Criteria[] { Criteria.where("callerRejoinBy").lte(now), Criteria.where("calleeRejoinBy").lte(now) };
	}

	/** Ringing calls past their ring time, ended here (each by one instance only). */
	List<Call> endRingingBefore(Instant now) {
		List<Call> ended = new ArrayList<>();
		for (Document document : mongo.find(
				Query.query(Criteria.where("answeredAt").is(null).and("ringsUntil").lt(now)), Document.class, CALLS)) {
			endIfRinging(document.get("_id").toString()).ifPresent(ended::add);
		}
		return ended;
	}

	private Optional<Call> remove(Query query) {
		Document removed = mongo.findAndRemove(query, Document.class, CALLS);
		if (removed == null) {
			return Optional.empty();
		}
		Call call = Call.of(removed);
		release(call.callerId, call.id);
		release(call.calleeId, call.id);
		return Optional.of(call);
	}

	/** Takes the user for this call; false when they are in another call already. */
	private boolean claim(String userId, String callId, Instant now) {
		for (int attempt = 0; attempt < 2; attempt++) {
			try {
				mongo.insert(new Document("_id", partyKey(userId)).append("callId", callId).append("at", now), PARTIES);
				return true;
			}
			catch (DuplicateKeyException taken) {
				if (!releaseOrphan(userId)) {
					return false;
				}
			}
		}
		return false;
	}

	/** Removes the user's party record when its call does not exist and it is old enough to be a crash's leftover. */
	private boolean releaseOrphan(String userId) {
		Document party = mongo.findById(partyKey(userId), Document.class, PARTIES);
		if (party == null) {
			return true;
		}
		String callId = party.getString("callId");
		Instant at = party.getDate("at") == null ? Instant.EPOCH : party.getDate("at").toInstant();
		if (mongo.findById(callId, Document.class, CALLS) != null || at.isAfter(clock.instant().minus(ORPHAN_AFTER))) {
			return false;
		}
		release(userId, callId);
		return true;
	}

	private void release(String userId, String callId) {
		mongo.remove(Query.query(Criteria.where("_id").is(partyKey(userId)).and("callId").is(callId)), PARTIES);
	}

	/** Not the bare user id: Spring Data would query an id that looks like an ObjectId as one. */
	private static String partyKey(String userId) {
		return "user:" + userId;
	}
}
