package com.healthconnect.auth.internal;

import java.io.IOException;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** 401 and 403 from the security filters, as problem details like every other error. */
class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final JsonMapper json;

	ProblemSecurityHandlers(JsonMapper json) {
		this.json = json;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		Object reason = request.getAttribute(SessionCookieFilter.REJECTION_REASON);
		write(response, HttpStatus.UNAUTHORIZED, "Unauthorized",
				reason != null ? reason.toString() : "Sign in to use this endpoint");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		if (ex instanceof CsrfException) {
			write(response, HttpStatus.FORBIDDEN, "Forbidden",
					"Missing or invalid CSRF token: send the value from GET /api/auth/csrf in the X-XSRF-TOKEN header");
		}
		else {
			write(response, HttpStatus.FORBIDDEN, "Forbidden", "Your role may not use this endpoint");
		}
	}

	void forbidden(HttpServletResponse response, String detail) throws IOException {
		write(response, HttpStatus.FORBIDDEN, "Forbidden", detail);
	}

	private void write(HttpServletResponse response, HttpStatus status, String title, String detail)
			throws IOException {
		if (response.isCommitted()) {
			return;
		}
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(),
				Map.of("type", "about:blank", "status", status.value(), "title", title, "detail", detail));
	}
}
