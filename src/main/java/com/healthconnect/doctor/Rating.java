package com.healthconnect.doctor;

/** The average of all reviews, to two decimals, and how many there are. */
public record Rating(double average, long count) {

	public static Rating of(long sum, long count) {
		return new Rating(count == 0 ? 0 : Math.round(sum * 100.0 / count) / 100.0, count);
	}
}
