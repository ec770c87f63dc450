package com.healthconnect.realtime.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.messaging.Message;
import org.springframework.messaging.simp.broker.AbstractSubscriptionRegistry;
import org.springframework.util.CollectionUtils;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The broker's subscriptions, found by exact destination in O(1).
 * <p>
 * Every push here goes to a per-user destination ({@code /topic/u.<userId>.ice-candidate}), so there are users ×
 * queues distinct destinations. Spring's {@code DefaultSubscriptionRegistry} keeps a bounded cache of
 * destination lookups (1024 by default) and on a miss scans every subscription: past the bound each relayed frame
 * cost milliseconds at a few thousand sessions. Patterns are not needed: {@code StompGatekeeper} admits only exact
 * {@code /user/queue/<name>} subscriptions.
 */
final class ExactSubscriptionRegistry extends AbstractSubscriptionRegistry {

	/** destination → an immutable snapshot of sessionId → subscription ids; replaced, never mutated. */
	private final ConcurrentHashMap<String, MultiValueMap<String, String>> byDestination = new ConcurrentHashMap<>();

	/** sessionId → (subscriptionId → destination), to undo a session's subscriptions when it ends. */
	private final ConcurrentHashMap<String, Map<String, String>> bySession = new ConcurrentHashMap<>();

	private static final MultiValueMap<String, String> NONE = CollectionUtils
		.unmodifiableMultiValueMap(new LinkedMultiValueMap<>());

	@Override
	protected void addSubscriptionInternal(String sessionId, String subscriptionId, String destination,
			Message<?> message) {
		bySession.computeIfAbsent(sessionId, id -> new ConcurrentHashMap<>()).put(subscriptionId, destination);
		byDestination.compute(destination, (dest, current) -> {
			LinkedMultiValueMap<String, String> next = copyOf(current);
			next.add(sessionId, subscriptionId);
			return frozen(next);
		});
	}

	@Override
	protected void removeSubscriptionInternal(String sessionId, String subscriptionId, Message<?> message) {
		Map<String, String> subscriptions = bySession.get(sessionId);
		String destination = subscriptions == null ? null : subscriptions.remove(subscriptionId);
		if (destination != null) {
			remove(destination, sessionId, subscriptionId);
		}
	}

	@Override
	public void unregisterAllSubscriptions(String sessionId) {
		Map<String, String> subscriptions = bySession.remove(sessionId);
		if (subscriptions != null) {
			subscriptions.forEach((subscriptionId, destination) -> remove(destination, sessionId, subscriptionId));
		}
	}

	@Override
	protected MultiValueMap<String, String> findSubscriptionsInternal(String destination, Message<?> message) {
		return byDestination.getOrDefault(destination, NONE);
	}

	/** The session's subscription ids for a broker destination ({@code /topic/u.<userId>.x}); none when absent. */
	List<String> subscriptionIds(String destination, String sessionId) {
		List<String> ids = byDestination.getOrDefault(destination, NONE).get(sessionId);
		return ids == null ? List.of() : ids;
	}

	int destinationCount() {
		return byDestination.size();
	}

	/** A mutable deep copy: the snapshot's lists are immutable and shared with readers. */
	private static LinkedMultiValueMap<String, String> copyOf(MultiValueMap<String, String> snapshot) {
		LinkedMultiValueMap<String, String> copy = new LinkedMultiValueMap<>();
		if (snapshot != null) {
			snapshot.forEach((sessionId, ids) -> copy.put(sessionId, new ArrayList<>(ids)));
		}
		return copy;
	}

	/**
	 * An immutable snapshot. Nearly every destination here has one session with one subscription, so that case gets
	 * a two-entry adapter over {@code Map.of}/{@code List.of} (about 60 bytes) instead of a linked map's 300; 13 queues
	 * a session made this 3 KB of every idle session's heap.
	 */
	private static MultiValueMap<String, String> frozen(LinkedMultiValueMap<String, String> subscriptions) {
		if (subscriptions.size() == 1) {
			Map.Entry<String, List<String>> only = subscriptions.entrySet().iterator().next();
			return CollectionUtils.toMultiValueMap(Map.of(only.getKey(), List.copyOf(only.getValue())));
		}
		subscriptions.replaceAll((sessionId, ids) -> List.copyOf(ids));
		return CollectionUtils.unmodifiableMultiValueMap(subscriptions);
	}

	private void remove(String destination, String sessionId, String subscriptionId) {
		byDestination.computeIfPresent(destination, (dest, current) -> {
			LinkedMultiValueMap<String, String> next = copyOf(current);
			List<String> ids = next.get(sessionId);
			if (ids != null) {
				ids.remove(subscriptionId);
				if (ids.isEmpty()) {
					next.remove(sessionId);
				}
			}
			return next.isEmpty() ? null : frozen(next);
		});
	}
}
