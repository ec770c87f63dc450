package com.healthconnect.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.boot.webmvc.error.ErrorController;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Problem details for the errors that happen before Spring MVC handles a request, so that every error the app sends,
 * whoever raises it, is an RFC 9457 problem detail. Three places answer without a controller: Tomcat itself (a
 * malformed request line, an encoded {@code /} or {@code \} or NUL in the path, headers over the limit), whose HTML
 * page is replaced by {@link ProblemReportValve}; Spring Security's firewall ({@code ..;}, {@code %25}, CR/LF,
 * {@code ;jsessionid=}); and the servlet container's error pages ({@code /WEB-INF}, {@code sendError} from filters),
 * which forward to {@code /error}, answered by {@link ErrorEndpoint} instead of Boot's {@code {timestamp, status, ...}}.
 * None of them echoes what was sent.
 */
@Configuration(proxyBeanMethods = false)
class ErrorProblems {

	/** The detail for a status, in words that do not depend on what was sent. */
	static String detail(int status) {
		return switch (status) {
			case 400 -> "The request is malformed: its path, query or headers hold characters or sequences "
					+ "that are not allowed";
			case 404 -> "There is nothing at this address";
			case 405 -> "This address does not take that method";
			case 413 -> "The request is too large";
			case 414 -> "The address is too long";
			case 431 -> "The request's headers are too large";
			default -> status >= 500 ? "Something went wrong on our side; nothing you sent was lost"
					: "The request could not be handled";
		};
	}

	static String title(int status) {
		HttpStatus known = HttpStatus.resolve(status);
		return known == null ? "Error" : known.getReasonPhrase();
	}

	/** Refusals of Spring Security's firewall: 400, as a problem detail. */
	@Bean
	RequestRejectedHandler problemRequestRejectedHandler() {
		return (request, response, rejected) -> {
			if (!response.isCommitted()) {
				response.reset();
				response.setStatus(400);
				response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
				response.setCharacterEncoding(StandardCharsets.UTF_8.name());
				response.getWriter().write(json(400));
			}
		};
	}

	/** Tomcat's own error responses (see {@link ProblemReportValve}), on the host of every context. */
	@Bean
	TomcatContextCustomizer problemReportValve() {
		return context -> {
			Container parent = context.getParent();
			if (parent instanceof StandardHost host) {
				host.setErrorReportValveClass(ProblemReportValve.class.getName());
				for (Valve valve : host.getPipeline().getValves()) {
					if (valve instanceof ErrorReportValve && !(valve instanceof ProblemReportValve)) {
						host.getPipeline().removeValve(valve);
					}
				}
			}
		};
	}

	static String json(int status) {
		// constant texts only, none needing escapes
		return "{\"type\":\"about:blank\",\"title\":\"" + title(status) + "\",\"status\":" + status + ",\"detail\":\""
				+ detail(status) + "\"}";
	}

	/** Tomcat's error report as a problem detail instead of an HTML page with the server's version. */
	public static class ProblemReportValve extends ErrorReportValve {

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			int status = response.getStatus();
			if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
				return;
			}
			try {
				response.resetBuffer(true);
				response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
				response.setCharacterEncoding(StandardCharsets.UTF_8.name());
				byte[] body = json(status).getBytes(StandardCharsets.UTF_8);
				response.setContentLength(body.length);
				response.getOutputStream().write(body);
				response.finishResponse();
			}
			catch (IOException | IllegalStateException ex) {
				// the client is gone or the response was already under way: nothing more to say
			}
		}
	}

	/** {@code /error}: whatever the container forwards there, as a problem detail with the status it carries. */
	@RestController
	@Hidden
	static class ErrorEndpoint implements ErrorController {

		@RequestMapping("${server.error.path:/error}")
		ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
			Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
			int status = code instanceof Integer value && value >= 400 ? value : 404;
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail(status));
			problem.setTitle(title(status));
			return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
	}
}
