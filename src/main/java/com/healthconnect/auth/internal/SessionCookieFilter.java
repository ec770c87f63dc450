package com.healthconnect.auth.internal;

import java.io.IOException;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.WebUtils;

import com.healthconnect.auth.SessionAuthentication;
import com.healthconnect.auth.internal.TokenService.InvalidToken;
import com.healthconnect.auth.internal.TokenService.VerifiedToken;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Authenticates a request from its {@code token} cookie. A bad, expired or revoked token leaves the request
 * anonymous, with the reason kept for the 401 that protected endpoints then answer.
 */
class SessionCookieFilter extends OncePerRequestFilter {

	static final String REJECTION_REASON = SessionCookieFilter.class.getName() + ".reason";

	private final TokenService tokens;
	private final RevokedTokens revoked;
	private final SessionGenerations generations;

	SessionCookieFilter(TokenService tokens, RevokedTokens revoked, SessionGenerations generations) {
		this.tokens = tokens;
		this.revoked = revoked;
		this.generations = generations;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Cookie cookie = WebUtils.getCookie(request, SessionCookies.NAME);
		if (cookie != null && !cookie.getValue().isBlank()) {
			try {
				VerifiedToken token = tokens.verify(cookie.getValue());
				if (revoked.isRevoked(token.jti())) {
					request.setAttribute(REJECTION_REASON, "This session was signed out; sign in again");
				}
				else if (!generations.isCurrent(token.user().id(), token.generation())) {
					request.setAttribute(REJECTION_REASON,
							"This session has ended (the password was changed or the account disabled); sign in again");
				}
				else {
					var context = SecurityContextHolder.createEmptyContext();
					context.setAuthentication(new SessionAuthentication(token.user(), token.jti(), token.expiresAt(),
							token.generation()));
					SecurityContextHolder.setContext(context);
				}
			}
			catch (InvalidToken ex) {
				request.setAttribute(REJECTION_REASON, ex.getMessage());
			}
		}
		chain.doFilter(request, response);
	}
}
