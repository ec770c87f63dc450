package com.healthconnect.realtime.internal;

import java.util.concurrent.RejectedExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.MessageExceptionHandler;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.web.bind.annotation.ControllerAdvice;

import com.healthconnect.auth.SessionAuthentication;
import com.healthconnect.platform.DomainException;
import com.healthconnect.realtime.StompError;
import com.healthconnect.realtime.UserSessions;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.PropertyBindingException;

/**
 * Errors from {@code @MessageMapping} handlers go back to the session that sent the frame, on
 * {@code /user/queue/errors}, as {@code {status, title, detail, destination}}; the socket stays open.
 */
@ControllerAdvice
class StompErrorAdvice {

	private final UserSessions sessions;

	StompErrorAdvice(UserSessions sessions) {
		this.sessions = sessions;
	}

	/** To the session that sent the frame, wherever the broker is. */
	private void reply(Message<?> message, StompError error) {
		String sessionId = SimpMessageHeaderAccessor.getSessionId(message.getHeaders());
		if (SimpMessageHeaderAccessor.getUser(message.getHeaders()) instanceof SessionAuthentication auth
				&& sessionId != null) {
			sessions.error(auth.getPrincipal().id(), sessionId, error);
		}
	}

	private static final Logger log = LoggerFactory.getLogger(StompErrorAdvice.class);
	private static final String DESTINATION = SimpMessageHeaderAccessor.DESTINATION_HEADER;

	@MessageExceptionHandler
	void domain(DomainException ex, @Header(name = DESTINATION, required = false) String destination,
			Message<?> message) {
		reply(message, new StompError(ex.status().value(), ex.title(), ex.getMessage(), destination));
	}

	@MessageExceptionHandler
	void unreadable(MessageConversionException ex, @Header(name = DESTINATION, required = false) String destination,
			Message<?> message) {
		reply(message, new StompError(400, "Invalid request",
				"The payload is not the JSON object this destination expects" + jacksonProblem(ex), destination));
	}

	/**
	 * Which field was wrong and how, in the client's terms: Jackson's own message names Java types, so only the field
	 * path and the kind of problem are taken from it, never the payload.
	 */
	private static String jacksonProblem(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof JacksonException jackson) {
				String field = field(jackson);
				if (jackson instanceof PropertyBindingException unknown) {
					return ": field '" + (field.isEmpty() ? unknown.getPropertyName() : field) + "' is not allowed";
				}
				if (field.isEmpty()) {
					return jackson instanceof StreamReadException ? ": it is not valid JSON" : "";
				}
				if (jackson instanceof InvalidFormatException format && format.getTargetType() == String.class) {
					return ": field '" + field + "' contains a control, bidi-override or unpaired surrogate character";
				}
				return ": field '" + field + "' has the wrong type or an invalid value";
			}
		}
		return "";
	}

	private static String field(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference ref : ex.getPath()) {
			if (ref.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
			}
			else if (ref.getIndex() >= 0) {
				path.append('[').append(ref.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	@MessageExceptionHandler
	void busy(RejectedExecutionException ex, @Header(name = DESTINATION, required = false) String destination,
			Message<?> message) {
		reply(message, new StompError(503, "Service unavailable", ex.getMessage(), destination));
	}

	@MessageExceptionHandler
	void unexpected(Exception ex, @Header(name = DESTINATION, required = false) String destination,
			Message<?> message) {
		log.error("Unhandled error for a frame to {}", destination, ex);
		reply(message, new StompError(500, "Internal error", "Something went wrong on our side", destination));
	}
}
