package com.healthconnect.realtime.internal;

/** A per-session frame allowance: {@code burst} at once, refilled continuously at {@code perSecond}. */
final class TokenBucket {

	private final double capacity;
	private final double perNano;
	private double tokens;
	private long last;

	TokenBucket(int burst, int perSecond, long nowNanos) {
		this.capacity = burst;
		this.perNano = perSecond / 1_000_000_000d;
		this.tokens = burst;
		this.last = nowNanos;
	}

	synchronized boolean tryTake(long nowNanos) {
		tokens = Math.min(capacity, tokens + (nowNanos - last) * perNano);
		last = nowNanos;
		if (tokens < 1) {
			return false;
		}
		tokens -= 1;
		return true;
	}
}
