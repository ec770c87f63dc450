package com.healthconnect.realtime.internal;

import java.util.concurrent.RejectedExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.MessageExceptionHandler;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.annotation.SendToUser;
import org.springframework.web.bind.annotation.ControllerAdvice;

import com.healthconnect.platform.DomainException;
import tools.jackson.core.JacksonException;
import com.healthconnect.realtime.StompError;

/**
 * Errors from {@code @MessageMapping} handlers go back to the session that sent the frame, on
 * {@code /user/queue/errors}, as {@code {status, title, detail, destination}}; the socket stays open.
 */
@ControllerAdvice
class StompErrorAdvice {

	private static final Logger log = LoggerFactory.getLogger(StompErrorAdvice.class);
	private static final String DESTINATION = SimpMessageHeaderAccessor.DESTINATION_HEADER;

	@MessageExceptionHandler
	@SendToUser(destinations = "/queue/errors", broadcast = false)
	StompError domain(DomainException ex, @Header(name = DESTINATION, required = false) String destination) {
		return new StompError(ex.status().value(), ex.title(), ex.getMessage(), destination);
	}

	@MessageExceptionHandler
	@SendToUser(destinations = "/queue/errors", broadcast = false)
	StompError unreadable(MessageConversionException ex,
			@Header(name = DESTINATION, required = false) String destination) {
		return new StompError(400, "Invalid request", "The payload is not the JSON object this destination expects"
				+ jacksonProblem(ex), destination);
	}

	/** Jackson's own words about the field, e.g. an unknown property's name; never the payload itself. */
	private static String jacksonProblem(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof JacksonException jackson) {
				String problem = jackson.getOriginalMessage();
				if (problem != null) {
					int cut = problem.indexOf(" (");
					return ": " + (cut > 0 ? problem.substring(0, cut) : problem);
				}
			}
		}
		return "";
	}

	@MessageExceptionHandler
	@SendToUser(destinations = "/queue/errors", broadcast = false)
	StompError busy(RejectedExecutionException ex, @Header(name = DESTINATION, required = false) String destination) {
		return new StompError(503, "Service unavailable", ex.getMessage(), destination);
	}

	@MessageExceptionHandler
	@SendToUser(destinations = "/queue/errors", broadcast = false)
	StompError unexpected(Exception ex, @Header(name = DESTINATION, required = false) String destination) {
		log.error("Unhandled error for a frame to {}", destination, ex);
		return new StompError(500, "Internal error", "Something went wrong on our side", destination);
	}
}
