package com.healthconnect.platform.web;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.UncategorizedMongoDbException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.healthconnect.platform.DomainException;
import com.healthconnect.platform.DomainException.FieldError;
import com.healthconnect.platform.TooManyRequestsException;

import jakarta.validation.ConstraintViolationException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidTypeIdException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;

/**
 * Every error leaves the API as an RFC 9457 problem detail; validation failures name their fields.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
	private static final java.util.regex.Pattern PLAIN_TOKEN = java.util.regex.Pattern.compile("[A-Za-z0-9 ._:+-]*");

	@ExceptionHandler(DomainException.class)
	ResponseEntity<Object> domain(DomainException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(ex.status(), ex.getMessage());
		problem.setTitle(ex.title());
		if (!ex.errors().isEmpty()) {
			problem.setProperty("errors", ex.errors());
		}
		HttpHeaders headers = new HttpHeaders();
		if (ex instanceof TooManyRequestsException tooMany) {
			headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, tooMany.retryAfter().toSeconds())));
		}
		return ResponseEntity.status(ex.status()).headers(headers).body(problem);
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<Object> constraintViolation(ConstraintViolationException ex) {
		List<FieldError> errors = ex.getConstraintViolations().stream()
			.map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
			.toList();
		return invalid("The request has invalid fields", errors);
	}

	@ExceptionHandler(DuplicateKeyException.class)
	ResponseEntity<Object> duplicateKey(DuplicateKeyException ex) {
		// services translate the duplicates they expect; one that slips through is still a conflict, not a 500
		log.warn("Unexpected duplicate key: {}", ex.getMostSpecificCause().getMessage());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"The record conflicts with one that already exists");
		problem.setTitle("Conflict");
		return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ResponseEntity<Object> concurrentChange(OptimisticLockingFailureException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"The record was changed by someone else meanwhile; reload it and try again");
		problem.setTitle("Conflict");
		return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
	}

	/** The database refused or could not make a write durable: it was not stored, and the client may try again. */
	@ExceptionHandler({ DataAccessResourceFailureException.class, UncategorizedMongoDbException.class })
	ResponseEntity<Object> storageUnavailable(DataAccessException ex) {
		log.error("Database unavailable", ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The change could not be stored right now and was not saved; please try again shortly");
		problem.setTitle("Service unavailable");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
	}

	/** A multipart body that cannot be parsed (no boundary, cut short): the client's fault, not ours. */
	@ExceptionHandler(MultipartException.class)
	ResponseEntity<Object> malformedMultipart(MultipartException ex) {
		log.debug("Unreadable multipart body: {}", ex.toString());
		return invalid("The multipart body is malformed or incomplete", List.of());
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception ex) {
		log.error("Unhandled error", ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"Something went wrong on our side; nothing you sent was lost");
		problem.setTitle("Internal error");
		return ResponseEntity.internalServerError().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return invalid("The request has invalid fields", fieldErrors(ex.getBindingResult()));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldError> errors = ex.getParameterValidationResults().stream()
			.flatMap(result -> result.getResolvableErrors().stream().map(error -> new FieldError(
					error instanceof org.springframework.validation.FieldError fe ? fe.getField()
							: result.getMethodParameter().getParameterName(),
					error.getDefaultMessage())))
			.toList();
		return invalid("The request has invalid parameters", errors);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Throwable cause = jacksonCause(ex);
		if (cause instanceof InvalidTypeIdException typeId) {
			String field = typeId.getTypeId() == null && typeId.getPath().isEmpty() ? "role" : path(typeId, "role");
			return invalid("Field '" + field + "' is missing or not one of the allowed values",
					List.of(new FieldError(field, "is missing or not allowed")));
		}
		if (cause instanceof PropertyBindingException unknown) {
			String field = path(unknown, unknown.getPropertyName());
			return invalid("Field '" + field + "' is not allowed here", List.of(new FieldError(field, "is not allowed")));
		}
		if (cause instanceof InvalidFormatException format) {
			String field = path(format, null);
			return invalid("Field '" + field + "' has an invalid value",
					List.of(new FieldError(field, invalidValue(format))));
		}
		if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
			String field = path(mismatch, null);
			return invalid("Field '" + field + "' has the wrong type",
					List.of(new FieldError(field, "has the wrong type")));
		}
		if (cause instanceof StreamReadException) {
			return invalid("The request body is not valid JSON", List.of());
		}
		if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
			// Jackson's own message names Java types; a creator's IllegalArgumentException says what was wrong
			String field = path(jackson, null);
			String message = jackson.getCause() instanceof IllegalArgumentException reason && reason.getMessage() != null
					? reason.getMessage() : "is invalid";
			return invalid("Field '" + field + "' is invalid", List.of(new FieldError(field, message)));
		}
		return invalid("The request body is missing or unreadable", List.of());
	}

	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
			WebRequest request) {
		if (body instanceof ProblemDetail problem && problem.getTitle() == null) {
			problem.setTitle(HttpStatus.valueOf(statusCode.value()).getReasonPhrase());
		}
		return super.createResponseEntity(body, headers, statusCode, request);
	}

	private static ResponseEntity<Object> invalid(String detail, List<FieldError> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle("Invalid request");
		problem.setProperties(Map.of("errors", errors));
		return ResponseEntity.badRequest().body(problem);
	}

	/** What was wrong with a value, echoing it only when it is a short, plain token such as an unknown enum name. */
	private static String invalidValue(InvalidFormatException format) {
		Class<?> target = format.getTargetType();
		if (target == String.class) {
			return StrictJson.UNSAFE_TEXT;
		}
		if (target == java.time.LocalDate.class) {
			return StrictJson.NOT_A_DATE;
		}
		Object value = format.getValue();
		return value instanceof String text && text.length() <= 40 && PLAIN_TOKEN.matcher(text).matches()
				? "has an invalid value: " + text : "has an invalid value";
	}

	private static List<FieldError> fieldErrors(BindingResult result) {
		List<FieldError> errors = new java.util.ArrayList<>();
		result.getFieldErrors().forEach(e -> errors.add(new FieldError(e.getField(), e.getDefaultMessage())));
		result.getGlobalErrors().forEach(e -> errors.add(new FieldError(e.getObjectName(), e.getDefaultMessage())));
		return errors;
	}

	/** Jackson's reference chain as the field path a client sent: {@code emergencyContact[2].phone}. */
	private static String path(JacksonException ex, String leaf) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference ref : ex.getPath()) {
			if (ref.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(ref.getPropertyName());
			}
			else if (ref.getIndex() >= 0) {
				path.append('[').append(ref.getIndex()).append(']');
			}
		}
		if (leaf != null && !path.toString().endsWith(leaf)) {
			path.append(path.isEmpty() ? "" : ".").append(leaf);
		}
		return path.isEmpty() ? "body" : path.toString();
	}

	/** The outermost Jackson exception: it carries the field path; its own cause (a parse error) does not. */
	private static Throwable jacksonCause(HttpMessageNotReadableException ex) {
		for (Throwable t = ex.getCause(); t != null; t = t.getCause()) {
			if (t instanceof JacksonException) {
				return t;
			}
		}
		return ex.getMostSpecificCause();
	}

	private static String lastNode(String propertyPath) {
		int dot = propertyPath.indexOf('.');
		return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
	}
}
