package com.healthconnect.auth.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.SecretKey;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import com.healthconnect.auth.CurrentUser;
import com.healthconnect.auth.Role;
import com.healthconnect.platform.mongo.EmbeddedMongo;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;

/**
 * Issues and verifies the session JWT: {@code sub}, {@code role}, {@code iat}, {@code exp}, {@code jti}, {@code gen}
 * (the user's session generation), HS256.
 */
@Component
public class TokenService {

	private final SecretKey key;
	private final AuthProperties properties;
	private final Clock clock;

	TokenService(AuthProperties properties, ObjectProvider<EmbeddedMongo> embedded, Clock clock) {
		EmbeddedMongo embeddedMongo = embedded.getIfAvailable();
		this.key = JwtKeyProvider.resolve(properties.jwt().secret(), embeddedMongo != null,
				embeddedMongo == null ? Optional.empty() : embeddedMongo.dataDir());
		this.properties = properties;
		this.clock = clock;
	}

	public IssuedToken issue(String userId, Role role) {
		return issue(userId, role, 0);
	}

	/** A token in the user's session {@code generation} (see {@link SessionGenerations}). */
	public IssuedToken issue(String userId, Role role, long generation) {
		Instant now = clock.instant();
		Instant expiresAt = now.plus(properties.jwt().lifetime());
		String jti = UUID.randomUUID().toString();
		String token = Jwts.builder()
			.subject(userId)
			.claim("role", role.json())
			.issuedAt(Date.from(now))
			.expiration(Date.from(expiresAt))
			.id(jti)
			.claim("gen", generation)
			.signWith(key, Jwts.SIG.HS256)
			.compact();
		return new IssuedToken(token, jti, expiresAt);
	}

	/** Verifies signature, algorithm and expiry; anything else about the token is a {@link InvalidToken}. */
	public VerifiedToken verify(String token) {
		try {
			Claims claims = Jwts.parser()
				.verifyWith(key)
				.clock(() -> Date.from(clock.instant()))
				.build()
				.parseSignedClaims(token)
				.getPayload();
			String subject = claims.getSubject();
			String jti = claims.getId();
			Role role = Role.fromJson(claims.get("role", String.class));
			if (subject == null || jti == null || claims.getExpiration() == null) {
				throw new InvalidToken("The session token is incomplete");
			}
			Number generation = claims.get("gen", Number.class);
			return new VerifiedToken(new CurrentUser(subject, role), jti, claims.getExpiration().toInstant(),
					generation == null ? 0 : generation.longValue());
		}
		catch (ExpiredJwtException ex) {
			throw new InvalidToken("The session has expired; sign in again");
		}
		catch (JwtException | IllegalArgumentException ex) {
			throw new InvalidToken("The session token is not valid; sign in again");
		}
	}

	public record IssuedToken(String value, String jti, Instant expiresAt) {
	}

	/** @param generation the user's session generation the token was issued in (0 for tokens from before they existed) */
	public record VerifiedToken(CurrentUser user, String jti, Instant expiresAt, long generation) {
	}

	public static class InvalidToken extends RuntimeException {

		InvalidToken(String message) {
			super(message);
		}
	}
}
