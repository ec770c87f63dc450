package com.healthconnect.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Random;

import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data file is opened only when it is safe to write to; otherwise start-up stops with the path and the reason. */
class EmbeddedStorageTest {

	@TempDir
	Path tmp;

	/**
	 * Only {@link GroupCommit} commits, between whole commands: a commit H2 made by itself in the middle of a write
	 * could put one command's document on disk without its unique-index entry.
	 */
	@Test
	void theStoreNeverCommitsByItselfHoweverMuchIsUnsaved() {
		MVStore store = EmbeddedStorage.open(tmp);
		try {
			long version = store.getCurrentVersion();
			var map = store.<Integer, String>openMap("documents");
			String tenKb = "0123456789".repeat(1024);
			for (int i = 0; i < 4_000; i++) { // 40 MB, twice what makes H2 commit on its own by default
				map.put(i, tenKb);
			}
			assertThat(store.getCurrentVersion()).as("no commit happened").isEqualTo(version);
			assertThat(store.hasUnsavedChanges()).isTrue();
		}
		finally {
			store.closeImmediately();
		}
	}

	@Test
	void anEmptyDataFileIsRefusedAndLeftAlone() throws Exception {
		Path file = Files.createFile(tmp.resolve(EmbeddedStorage.FILE_NAME));
		assertThatThrownBy(() -> EmbeddedStorage.open(tmp)).isInstanceOf(EmbeddedStorageException.class)
			.hasMessageContaining(file.toString())
			.hasMessageContaining("empty (0 bytes)");
		assertThat(Files.size(file)).isZero();
	}

	@Test
	void aCorruptDataFileIsRefusedAndLeftAlone() throws Exception {
		byte[] garbage = new byte[64 * 1024];
		new Random(42).nextBytes(garbage);
		Path file = Files.write(tmp.resolve(EmbeddedStorage.FILE_NAME), garbage);
		assertThatThrownBy(() -> EmbeddedStorage.open(tmp)).isInstanceOf(EmbeddedStorageException.class)
			.hasMessageContaining(file.toString())
			.hasMessageContaining("not a readable database");
		assertThat(Files.readAllBytes(file)).isEqualTo(garbage);
	}

	@Test
	void aDataDirectoryThatCannotBeCreatedIsRefused() throws Exception {
		Path notADirectory = Files.writeString(tmp.resolve("a-file"), "x");
		assertThatThrownBy(() -> EmbeddedStorage.open(notADirectory.resolve("data")))
			.isInstanceOf(EmbeddedStorageException.class)
			.hasMessageContaining(notADirectory.resolve("data").toString())
			.hasMessageContaining("cannot be created");
	}

	@Test
	void aDataFileThatIsADirectoryIsRefused() throws Exception {
		Files.createDirectories(tmp.resolve(EmbeddedStorage.FILE_NAME));
		assertThatThrownBy(() -> EmbeddedStorage.open(tmp)).isInstanceOf(EmbeddedStorageException.class)
			.hasMessageContaining("not a regular file");
	}

	@Test
	void theDataDirectoryAndFileAreReadableByTheOwnerOnly() throws Exception {
		Path dir = tmp.resolve("data");
		Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
		MVStore store = EmbeddedStorage.open(dir);
		try {
			store.openMap("probe").put("k", "v");
			store.commit();
		}
		finally {
			store.close();
		}
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(EmbeddedStorage.FILE_NAME))))
			.isEqualTo("rw-------");
	}

	@Test
	void aHealthyFileOpensWithItsData() throws Exception {
		MVStore first = EmbeddedStorage.open(tmp);
		first.openMap("records").put("patient", "Rita");
		first.commit();
		first.close();
		MVStore again = EmbeddedStorage.open(tmp);
		try {
			assertThat(again.<String, String>openMap("records").get("patient")).isEqualTo("Rita");
		}
		finally {
			again.close();
		}
	}
}
