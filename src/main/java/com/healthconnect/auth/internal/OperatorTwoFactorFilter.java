package com.healthconnect.auth.internal;

import java.io.IOException;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import com.healthconnect.auth.CurrentUser;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Operators must sign in with two factors: an operator who has not enrolled yet may use nothing of the operator API
 * ({@code /api/admin/**}, and the metrics on the application's port) — only their own account, where they enrol. 403
 * until then.
 */
class OperatorTwoFactorFilter extends OncePerRequestFilter {

	private final TwoFactorStore twoFactor;
	private final ProblemSecurityHandlers problems;

	OperatorTwoFactorFilter(TwoFactorStore twoFactor, ProblemSecurityHandlers problems) {
		this.twoFactor = twoFactor;
		this.problems = problems;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !path.startsWith("/api/admin") && !path.equals("/actuator/prometheus");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user && user.isOperator()) {
			TwoFactorStore.TwoFactor state = twoFactor.find(user.id());
			if (state == null || !state.enabled()) {
				problems.forbidden(response,
						"Operators sign in with two factors: set up two-factor sign-in on your account page first");
				return;
			}
		}
		chain.doFilter(request, response);
	}
}
