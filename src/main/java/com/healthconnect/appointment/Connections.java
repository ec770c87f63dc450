package com.healthconnect.appointment;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.types.ObjectId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cache.Cache;
import org.springframework.cache.caffeine.CaffeineCache;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.healthconnect.auth.CurrentUser;

/**
 * A doctor and a patient are connected while they share an appointment that is pending, scheduled or completed.
 * Only connected users may chat, call, or (doctor) read the other's medical profile; messaging and calls ask here.
 * <p>
 * The relay asks "are these two connected?" on every signaling frame, so answers are cached (Spring's cache
 * abstraction over Caffeine): a "yes" per user pair and each user's counterparts, until an {@link AppointmentEvent}
 * about the pair evicts them, or {@code healthconnect.appointments.connection-cache-ttl} passes (for changes made
 * through another instance, whose events this one does not hear). "No" is not kept: a booking made through another
 * instance must connect the two at once, and a refused frame is rare (and rate-limited).
 */
@Service
public class Connections {

	static final List<String> CONNECTING_STATUSES = List.of("pending", "scheduled", "completed");
	static final String COLLECTION = "appointments";

	private static final int MAX_ENTRIES = 200_000;

	private final MongoTemplate mongo;
	private final Cache connectedPairs;
	private final Cache counterparts;
	/** Bumped on every eviction: a lookup that raced one is not cached, so it cannot bring back what was evicted. */
	private final AtomicLong generation = new AtomicLong();

	Connections(MongoTemplate mongo,
			@Value("${healthconnect.appointments.connection-cache-ttl:5m}") Duration cacheTtl) {
		this.mongo = mongo;
		this.connectedPairs = cache("connected-pairs", cacheTtl);
		this.counterparts = cache("counterparts", cacheTtl);
	}

	private static Cache cache(String name, Duration ttl) {
		return new CaffeineCache(name, Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(MAX_ENTRIES).build(),
				false);
	}

	/** Whether the two users (in either order) are a connected doctor and patient. */
	public boolean areConnected(String userA, String userB) {
		if (userA == null || userB == null || userA.equals(userB)) {
			return false;
		}
		String key = pairKey(userA, userB);
		if (connectedPairs.get(key) != null) {
			return true;
		}
		long before = generation.get();
		boolean connected = queryConnected(userA, userB);
		if (connected) {
			remember(connectedPairs, key, Boolean.TRUE, before);
		}
		return connected;
	}

	/** The ids of everyone connected to this user: a doctor's patients or a patient's doctors. */
	public List<String> counterparts(CurrentUser user) {
		@SuppressWarnings("unchecked")
		List<String> cached = counterparts.get(user.id(), List.class);
		if (cached != null) {
			return cached;
		}
		long before = generation.get();
		List<String> ids = List.copyOf(queryCounterparts(user));
		remember(counterparts, user.id(), ids, before);
		return ids;
	}

	@EventListener
	void appointmentChanged(AppointmentEvent event) {
		generation.incrementAndGet();
		connectedPairs.evict(pairKey(event.doctorId(), event.patientId()));
		counterparts.evict(event.doctorId());
		counterparts.evict(event.patientId());
	}

	/** Caches the answer unless an eviction came after the lookup began (then it may be stale: evicted again). */
	private void remember(Cache cache, String key, Object value, long generationBefore) {
		cache.put(key, value);
		if (generation.get() != generationBefore) {
			cache.evict(key);
		}
	}

	private static String pairKey(String a, String b) {
		return a.compareTo(b) < 0 ? a + ':' + b : b + ':' + a;
	}

	private boolean queryConnected(String userA, String userB) {
		Criteria pair = new Criteria().orOperator(
				Criteria.where("doctorId").is(userA).and("patientId").is(userB),
				Criteria.where("doctorId").is(userB).and("patientId").is(userA));
		return mongo.exists(Query.query(new Criteria().andOperator(pair,
				Criteria.where("status").in(CONNECTING_STATUSES))), COLLECTION);
	}

	/**
	 * Whether the appointment is one between these two users (in either order) that connects them: a call may name
	 * only such an appointment as the visit it is.
	 */
	public boolean isBetween(String appointmentId, String userA, String userB) {
		if (appointmentId == null || !ObjectId.isValid(appointmentId) || userA == null || userB == null) {
			return false;
		}
		Criteria pair = new Criteria().orOperator(
				Criteria.where("doctorId").is(userA).and("patientId").is(userB),
				Criteria.where("doctorId").is(userB).and("patientId").is(userA));
		Criteria appointment = Criteria.where("_id").is(new ObjectId(appointmentId));
		return mongo.exists(Query.query(new Criteria().andOperator(appointment, pair,
				Criteria.where("status").in(CONNECTING_STATUSES))), COLLECTION);
	}

	private List<String> queryCounterparts(CurrentUser user) {
		String own = user.isDoctor() ? "doctorId" : "patientId";
		String other = user.isDoctor() ? "patientId" : "doctorId";
		return mongo.findDistinct(
				Query.query(Criteria.where(own).is(user.id()).and("status").in(CONNECTING_STATUSES)), other,
				COLLECTION, String.class);
	}
}
