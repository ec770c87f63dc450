package com.healthconnect.auth.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.SecretKey;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.jsonwebtoken.security.Keys;

/**
 * Where the HMAC key comes from: the configured secret; on the embedded default, a random key generated once and
 * kept beside the data; with a real MongoDB and no secret, nothing (the app refuses to start).
 */
final class JwtKeyProvider {

	private static final Logger log = LoggerFactory.getLogger(JwtKeyProvider.class);
	static final String MISSING_SECRET = "healthconnect.jwt.secret is not set. With a real MongoDB the JWT signing key "
			+ "must be configured: set the environment variable HEALTHCONNECT_JWT_SECRET to at least 32 random bytes, "
			+ "e.g. the output of `openssl rand -base64 48`.";

	private JwtKeyProvider() {
	}

	/**
	 * @param configured the configured secret, if any
	 * @param embedded whether the app runs on the embedded MongoDB
	 * @param dataDir the embedded data directory when its storage is a file
	 */
	static SecretKey resolve(String configured, boolean embedded, Optional<Path> dataDir) {
		if (configured != null && !configured.isBlank()) {
			byte[] bytes = configured.getBytes(StandardCharsets.UTF_8);
			if (bytes.length < 32) {
				throw new IllegalStateException("healthconnect.jwt.secret must be at least 32 bytes (256 bits) long");
			}
			return Keys.hmacShaKeyFor(bytes);
		}
		if (!embedded) {
			throw new IllegalStateException(MISSING_SECRET);
		}
		if (dataDir.isEmpty()) {
			return Keys.hmacShaKeyFor(randomBytes());
		}
		return Keys.hmacShaKeyFor(readOrCreate(dataDir.get().resolve("jwt-secret")));
	}

	private static byte[] readOrCreate(Path file) {
		try {
			if (Files.exists(file)) {
				return Base64.getDecoder().decode(Files.readString(file).trim());
			}
			Files.createDirectories(file.getParent());
			byte[] key = randomBytes();
			Path tmp = Files.createTempFile(file.getParent(), "jwt-secret", ".tmp");
			try {
				Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				// not a POSIX file system: the data directory's own permissions must do
			}
			Files.writeString(tmp, Base64.getEncoder().encodeToString(key));
			Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
			log.info("Generated a JWT signing key at {}", file.toAbsolutePath().normalize());
			return key;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the JWT key at " + file, ex);
		}
	}

	private static byte[] randomBytes() {
		byte[] key = new byte[48];
		new SecureRandom().nextBytes(key);
		return key;
	}
}
