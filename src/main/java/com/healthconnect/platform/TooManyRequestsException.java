package com.healthconnect.platform;

import java.time.Duration;
import java.util.List;

import org.springframework.http.HttpStatus;

/** A 429 that tells the caller, through {@code Retry-After}, when to try again. */
public class TooManyRequestsException extends DomainException {

	private final Duration retryAfter;

	public TooManyRequestsException(String detail, Duration retryAfter) {
		super(HttpStatus.TOO_MANY_REQUESTS, "Too many requests", detail, List.of());
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return retryAfter;
	}
}
