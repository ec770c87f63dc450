package com.healthconnect.realtime.internal;

import java.time.Duration;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.healthconnect.realtime.SendBudget;

/**
 * Token buckets per user for chat and signaling SEND frames ({@link SendBudget}), over all of a user's sessions
 * together (see {@link RealtimeProperties.PerUser}). A bucket is forgotten once it has been idle long enough to be
 * full again, so forgetting it changes nothing and the state stays as small as the set of users active in the last
 * few seconds.
 */
@Component
class UserRates {

	private final Limit chat;
	private final Limit signaling;

	UserRates(RealtimeProperties properties) {
		RealtimeProperties.PerUser perUser = properties.perUser();
		this.chat = new Limit("chat", perUser.chatBurst(), perUser.chatPerSecond());
		this.signaling = new Limit("signaling", perUser.signalingBurst(), perUser.signalingPerSecond());
	}

	/** Why this user may not send one more frame of this kind now ({@code null} if they may); counts the frame. */
	String refusal(String userId, SendBudget.Kind kind) {
		return (kind == SendBudget.Kind.CHAT ? chat : signaling).refusal(userId);
	}

	/** Users with a bucket right now; for tests of the bound. */
	long tracked() {
		chat.buckets.cleanUp();
		signaling.buckets.cleanUp();
		return chat.buckets.estimatedSize() + signaling.buckets.estimatedSize();
	}

	private static final class Limit {

		private final String name;
		private final int burst;
		private final int perSecond;
		private final Cache<String, TokenBucket> buckets;

		Limit(String name, int burst, int perSecond) {
			this.name = name;
			this.burst = burst;
			this.perSecond = perSecond;
			// idle this long, a bucket is full again: a fresh one is the same
			long refillMillis = (long) Math.ceil(burst * 1000d / Math.max(1, perSecond));
			this.buckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofMillis(refillMillis + 1000)).build();
		}

		String refusal(String userId) {
			long now = System.nanoTime();
			TokenBucket bucket = buckets.get(userId, id -> new TokenBucket(burst, perSecond, now));
			return bucket.tryTake(System.nanoTime()) ? null
					: "Too many " + name + " messages: at most " + perSecond + " a second (bursts of " + burst
							+ ") per user, over all their connections";
		}
	}
}
