package com.healthconnect.realtime;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.healthconnect.appointment.AppointmentEvent;
import com.healthconnect.appointment.Connections;
import com.healthconnect.auth.CurrentUser;
import com.healthconnect.realtime.internal.RealtimeProperties;

/**
 * {@link Connections} with a memory: the relay asks "are these two connected?" on every frame, so "yes" is kept per
 * user pair until an {@link AppointmentEvent} about the pair (or the TTL, for changes made on another instance)
 * invalidates it. "No" is not kept: a booking made through another instance must connect the two at once, and a
 * refused frame is rare (and rate-limited).
 */
@Component
public class ConnectedPeers {

	private static final int MAX_ENTRIES = 200_000;

	private final Connections connections;
	private final long positiveTtlNanos;
	private final ConcurrentHashMap<String, Cached<Boolean>> pairs = new ConcurrentHashMap<>();
	private final ConcurrentHashMap<String, Cached<List<String>>> counterparts = new ConcurrentHashMap<>();
	/** Bumped on every invalidation: a lookup that raced one is not cached. */
	private final AtomicLong generation = new AtomicLong();

	ConnectedPeers(Connections connections, RealtimeProperties properties) {
		this.connections = connections;
		this.positiveTtlNanos = properties.connectionCacheTtl().toNanos();
	}

	public boolean areConnected(String userA, String userB) {
		if (userA == null || userB == null || userA.equals(userB)) {
			return false;
		}
		String key = pairKey(userA, userB);
		long now = System.nanoTime();
		Cached<Boolean> cached = pairs.get(key);
		if (cached != null && cached.fresh(now)) {
			return cached.value();
		}
		long before = generation.get();
		boolean connected = connections.areConnected(userA, userB);
		if (connected) {
			remember(pairs, key, true, now + positiveTtlNanos, before);
		}
		return connected;
	}

	/** The ids of everyone connected to this user. */
	public List<String> counterparts(CurrentUser user) {
		long now = System.nanoTime();
		Cached<List<String>> cached = counterparts.get(user.id());
		if (cached != null && cached.fresh(now)) {
			return cached.value();
		}
		long before = generation.get();
		List<String> ids = List.copyOf(connections.counterparts(user));
		remember(counterparts, user.id(), ids, now + positiveTtlNanos, before);
		return ids;
	}

	@EventListener
	void appointmentChanged(AppointmentEvent event) {
		generation.incrementAndGet();
		pairs.remove(pairKey(event.doctorId(), event.patientId()));
		counterparts.remove(event.doctorId());
		counterparts.remove(event.patientId());
	}

	private <T> void remember(ConcurrentHashMap<String, Cached<T>> map, String key, T value, long expiresAt,
			long generationBefore) {
		if (generation.get() != generationBefore) {
			return;
		}
		if (map.size() > MAX_ENTRIES) {
			map.clear();
		}
		map.put(key, new Cached<>(value, expiresAt));
	}

	private static String pairKey(String a, String b) {
		return a.compareTo(b) < 0 ? a + ':' + b : b + ':' + a;
	}

	private record Cached<T>(T value, long expiresAtNanos) {

		boolean fresh(long now) {
			return expiresAtNanos - now > 0;
		}
	}
}
