package com.healthconnect.doctor;

import java.time.Duration;

/**
 * A practice's rules for bookings: a slot must start at least {@code minimumNoticeMinutes} from now to be booked, and a
 * patient may cancel or reschedule free of charge until {@code cancellationWindowHours} before the start.
 */
public record BookingPolicy(int minimumNoticeMinutes, int cancellationWindowHours) {

	public static final int DEFAULT_MINIMUM_NOTICE_MINUTES = 120;
	public static final int DEFAULT_CANCELLATION_WINDOW_HOURS = 24;
	public static final BookingPolicy DEFAULT = new BookingPolicy(DEFAULT_MINIMUM_NOTICE_MINUTES,
			DEFAULT_CANCELLATION_WINDOW_HOURS);

	/** Fills in the defaults for a doctor who never set them (stored as null). */
	public static BookingPolicy of(Integer minimumNoticeMinutes, Integer cancellationWindowHours) {
		return new BookingPolicy(minimumNoticeMinutes == null ? DEFAULT_MINIMUM_NOTICE_MINUTES : minimumNoticeMinutes,
				cancellationWindowHours == null ? DEFAULT_CANCELLATION_WINDOW_HOURS : cancellationWindowHours);
	}

	public Duration minimumNotice() {
		return Duration.ofMinutes(minimumNoticeMinutes);
	}

	public Duration cancellationWindow() {
		return Duration.ofHours(cancellationWindowHours);
	}
}
