package com.healthconnect.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;

import javax.crypto.SecretKey;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtKeyProviderTest {

	@TempDir
	Path dataDir;

	@Test
	void realMongoWithoutSecretRefusesToStartAndSaysWhatToSet() {
		assertThatThrownBy(() -> JwtKeyProvider.resolve(null, false, Optional.empty()))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("HEALTHCONNECT_JWT_SECRET");
		assertThatThrownBy(() -> JwtKeyProvider.resolve("  ", false, Optional.empty()))
			.hasMessageContaining("healthconnect.jwt.secret");
	}

	@Test
	void shortSecretIsRefused() {
		assertThatThrownBy(() -> JwtKeyProvider.resolve("too-short", true, Optional.empty()))
			.hasMessageContaining("32 bytes");
	}

	@Test
	void configuredSecretWins() {
		SecretKey key = JwtKeyProvider.resolve("x".repeat(40), true, Optional.of(dataDir));
		assertThat(key.getEncoded()).isEqualTo("x".repeat(40).getBytes());
		assertThat(dataDir.resolve("jwt-secret")).doesNotExist();
	}

	@Test
	void embeddedFileStorageGeneratesOneKeyAndKeepsIt() throws Exception {
		SecretKey first = JwtKeyProvider.resolve(null, true, Optional.of(dataDir));
		SecretKey second = JwtKeyProvider.resolve(null, true, Optional.of(dataDir));
		assertThat(second.getEncoded()).isEqualTo(first.getEncoded()).hasSizeGreaterThanOrEqualTo(32);
		assertThat(Files.getPosixFilePermissions(dataDir.resolve("jwt-secret")))
			.containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
	}

	@Test
	void embeddedMemoryStorageGeneratesAFreshKeyEachStart() {
		SecretKey first = JwtKeyProvider.resolve(null, true, Optional.empty());
		SecretKey second = JwtKeyProvider.resolve(null, true, Optional.empty());
		assertThat(first.getEncoded()).isNotEqualTo(second.getEncoded());
	}
}
