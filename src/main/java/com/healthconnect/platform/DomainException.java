package com.healthconnect.platform;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A failure the caller can act on; mapped once, in {@code ProblemDetailsAdvice}, to an RFC 9457 problem detail.
 */
public class DomainException extends RuntimeException {

	private final HttpStatus status;
	private final String title;
	private final List<FieldError> errors;

	protected DomainException(HttpStatus status, String title, String detail, List<FieldError> errors) {
		super(detail);
		this.status = status;
		this.title = title;
		this.errors = List.copyOf(errors);
	}

	public HttpStatus status() {
		return status;
	}

	public String title() {
		return title;
	}

	public List<FieldError> errors() {
		return errors;
	}

	/** One invalid field, as the contract's {@code errors: [{field, message}]} lists it. */
	public record FieldError(String field, String message) {
	}

	public static DomainException notFound(String detail) {
		return new DomainException(HttpStatus.NOT_FOUND, "Not found", detail, List.of());
	}

	public static DomainException conflict(String detail) {
		return new DomainException(HttpStatus.CONFLICT, "Conflict", detail, List.of());
	}

	public static DomainException forbidden(String detail) {
		return new DomainException(HttpStatus.FORBIDDEN, "Forbidden", detail, List.of());
	}

	public static DomainException invalid(String detail) {
		return new DomainException(HttpStatus.BAD_REQUEST, "Invalid request", detail, List.of());
	}

	public static DomainException invalidField(String field, String message) {
		return new DomainException(HttpStatus.BAD_REQUEST, "Invalid request", field + ": " + message,
				List.of(new FieldError(field, message)));
	}

	public static DomainException invalidFields(String detail, List<FieldError> errors) {
		return new DomainException(HttpStatus.BAD_REQUEST, "Invalid request", detail, errors);
	}

	public static DomainException payloadTooLarge(String detail) {
		return new DomainException(HttpStatus.CONTENT_TOO_LARGE, "Payload too large", detail, List.of());
	}

	public static DomainException unsupportedMediaType(String detail) {
		return new DomainException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type", detail, List.of());
	}
}
