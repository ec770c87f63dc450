package com.healthconnect.auth.internal;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import tools.jackson.databind.json.JsonMapper;

/**
 * Stateless security: the JWT cookie authenticates, a double-submit CSRF cookie guards every mutating call (login and
 * register included), roles guard whole areas, and services check each record.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	static final String CSRF_COOKIE = "XSRF-TOKEN";
	static final String CSRF_HEADER = "X-XSRF-TOKEN";

	@Bean
	CookieCsrfTokenRepository csrfTokenRepository(AuthProperties properties) {
		CookieCsrfTokenRepository repository = CookieCsrfTokenRepository.withHttpOnlyFalse();
		repository.setCookieName(CSRF_COOKIE);
		repository.setHeaderName(CSRF_HEADER);
		repository.setCookieCustomizer(
				cookie -> cookie.path("/").sameSite("Strict").secure(properties.cookie().secure()));
		return repository;
	}

	/**
	 * No Micrometer observation around each security filter, authentication and authorization: with actuator's
	 * registry present Spring Security wraps every filter of every request in one, which was about a sixth of a
	 * directory search's CPU (docs/PERFORMANCE.md). Requests are still observed once, as {@code http.server.requests}.
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	BCryptPasswordEncoder passwordEncoder(AuthProperties properties) {
		return new BCryptPasswordEncoder(properties.bcryptCost());
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, CookieCsrfTokenRepository csrfTokenRepository,
			TokenService tokens, RevokedTokens revoked, SessionGenerations generations, JsonMapper json,
			TwoFactorStore twoFactor, ManagementPort managementPort)
			throws Exception {
		ProblemSecurityHandlers problems = new ProblemSecurityHandlers(json);
		// the plain (not XOR-masked) handler: the contract lets a client send the cookie's value as it is. The token
		// stays deferred: it is read (or minted, with its cookie) only where used — GET /api/auth/csrf and the check
		// of a mutating call — not on every request (a cookie-less GET minted a token and a Set-Cookie each time)
		CsrfTokenRequestAttributeHandler csrfHandler = new CsrfTokenRequestAttributeHandler();
		http.csrf(csrf -> csrf.csrfTokenRepository(csrfTokenRepository).csrfTokenRequestHandler(csrfHandler))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.formLogin(form -> form.disable())
			.httpBasic(basic -> basic.disable())
			.logout(logout -> logout.disable())
			.requestCache(cache -> cache.disable())
			.anonymous(anonymous -> anonymous.principal("anonymous"))
			.addFilterBefore(new SessionCookieFilter(tokens, revoked, generations), AuthorizationFilter.class)
			.addFilterAfter(new OperatorTwoFactorFilter(twoFactor, problems), SessionCookieFilter.class)
			.exceptionHandling(ex -> ex.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; "
						+ "img-src 'self' data: blob: https://res.cloudinary.com; media-src 'self' blob:; "
						+ "connect-src 'self' ws: wss:; style-src 'self' 'unsafe-inline'; object-src 'none'; "
						+ "frame-ancestors 'none'; base-uri 'self'; form-action 'self'"))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.permissionsPolicyHeader(permissions -> permissions.policy("camera=(self), microphone=(self), geolocation=()")))
			.authorizeHttpRequests(auth -> auth
				.requestMatchers(GET, "/api/auth/csrf").permitAll()
				.requestMatchers(POST, "/api/auth/register", "/api/auth/login").permitAll()
				.requestMatchers(POST, "/api/auth/password-reset", "/api/auth/password-reset/confirm").permitAll()
				.requestMatchers("/api/doctors/me", "/api/doctors/me/**").hasRole("DOCTOR")
				.requestMatchers(GET, "/api/doctors", "/api/doctors/specializations", "/api/doctors/*",
						"/api/doctors/*/slots", "/api/doctors/*/reviews", "/api/calendar/feed/*")
				.permitAll()
				.requestMatchers("/api/patients/me", "/api/patients/me/**").hasRole("PATIENT")
				.requestMatchers(GET, "/api/patients/*").hasRole("DOCTOR")
				.requestMatchers("/api/patients/**").denyAll()
				.requestMatchers("/api/admin/**").hasRole("OPERATOR")
				// media authorises per file: profile images are public, chat images only for their participants
				.requestMatchers(GET, "/api/media/*").permitAll()
				.requestMatchers("/api/**", "/ws", "/ws/**").authenticated()
				.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
				// Prometheus scrapes the separate management port (kept off the public network) without signing in;
				// on the application's own port the metrics are for signed-in operators only
				.requestMatchers(request -> managementPort.isManagementRequest(request)
						&& "/actuator/prometheus".equals(request.getRequestURI()))
				.permitAll()
				.requestMatchers(GET, "/actuator/prometheus").hasRole("OPERATOR")
				.requestMatchers("/actuator/**").denyAll()
				.anyRequest().permitAll());
		return http.build();
	}
}
