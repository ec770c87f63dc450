package com.healthconnect.realtime.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

import com.healthconnect.auth.SessionAuthentication;

/**
 * The socket's user is whoever the {@code token} cookie of the handshake proves (security already refused requests
 * without one; this refuses anything else that slipped through). The {@code XSRF-TOKEN} cookie sent with the handshake
 * is kept so that CONNECT can be checked against it, as every mutating HTTP call is. A user already holding
 * {@code per-user.max-sessions} sockets, here and on other instances together, is refused with 429. Two handshakes
 * of one user at the same instant on two instances may both pass (each instance's own count is exact); the cap can
 * then be exceeded by one socket per other instance, never more.
 */
@Component
class HandshakeGuard implements HandshakeInterceptor {

	static final String CSRF_TOKEN = HandshakeGuard.class.getName() + ".csrf";

	private final CookieCsrfTokenRepository csrfTokens;
	private final OpenSockets sockets;
	private final SessionDirectory directory;
	private final int maxSessions;

	HandshakeGuard(CookieCsrfTokenRepository csrfTokens, OpenSockets sockets, SessionDirectory directory,
			RealtimeProperties properties) {
		this.csrfTokens = csrfTokens;
		this.sockets = sockets;
		this.directory = directory;
		this.maxSessions = properties.perUser().maxSessions();
	}

	/** 429 as a problem detail: the user already holds as many sockets as allowed (see {@link OpenSockets}). */
	private void tooManySessions(ServerHttpResponse response) {
		response.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		String problem = "{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
				+ "\"detail\":\"You hold " + maxSessions + " realtime connections already, the most one user may; "
				+ "close a tab and try again\"}";
		try {
			response.getBody().write(problem.getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			// the client is gone
		}
	}

	@Override
	public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Map<String, Object> attributes) {
		if (!(request.getPrincipal() instanceof SessionAuthentication auth)) {
			response.setStatusCode(HttpStatus.UNAUTHORIZED);
			return false;
		}
		String userId = auth.getPrincipal().id();
		if (!sockets.mayOpen(userId, directory.sessionsElsewhere(userId, maxSessions))) {
			tooManySessions(response);
			return false;
		}
		if (request instanceof ServletServerHttpRequest servlet) {
			CsrfToken token = csrfTokens.loadToken(servlet.getServletRequest());
			if (token != null && !token.getToken().isBlank()) {
				attributes.put(CSRF_TOKEN, token.getToken());
			}
		}
		return true;
	}

	@Override
	public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Exception exception) {
	}
}
