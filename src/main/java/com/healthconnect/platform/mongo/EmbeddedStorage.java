package com.healthconnect.platform.mongo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;

/**
 * Opens the embedded database file, or refuses with a reason a person can act on: a data directory that cannot be
 * made or written, a file that is empty or not a database, a store that would open read-only. A silent fresh database
 * (with fresh demo data) over a damaged file would hide the loss until someone looks for a patient's record.
 */
final class EmbeddedStorage {

	static final String FILE_NAME = "healthconnect.mv.db";

	private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
	private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

	private EmbeddedStorage() {
	}

	/** The directory exists, is private to the owner and takes files; the file, if there, is a writable database. */
	static MVStore open(Path dataDir) {
		Path dir = dataDir.toAbsolutePath().normalize();
		Path file = dir.resolve(FILE_NAME);
		prepareDirectory(dir);
		boolean existed = Files.exists(file, LinkOption.NOFOLLOW_LINKS);
		if (existed) {
			checkExistingFile(file);
		}
		MVStore store;
		try {
			// Only GroupCommit commits, between whole commands. autoCommitDisabled() stops the 1 s background commit
			// but not the one H2 makes inside a write once about 19 MB are unsaved, which could put a command's
			// document on disk without its unique-index entry; a buffer size of 0 turns that off too.
			store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().autoCommitBufferSize(0).open();
		}
		catch (MVStoreException | IllegalStateException ex) {
			throw new EmbeddedStorageException(file, (existed ? "it is not a readable database (damaged or not an "
					+ "H2 MVStore file): " : "it cannot be created: ") + ex.getMessage()
					+ ". Restore it from a backup, or move it away to start with an empty database.", ex);
		}
		if (store.isReadOnly()) {
			store.closeImmediately();
			throw new EmbeddedStorageException(file, "it can only be opened read-only; the app must be able to write it");
		}
		restrict(file, OWNER_ONLY_FILE);
		return store;
	}

	private static void prepareDirectory(Path dir) {
		try {
			Files.createDirectories(dir);
		}
		catch (IOException ex) {
			throw new EmbeddedStorageException(dir, "the data directory cannot be created (" + describe(ex) + ")", ex);
		}
		restrict(dir, OWNER_ONLY_DIR);
		// a probe, not Files.isWritable: that asks access(2), which says yes to root even on a read-only mount
		Path probe = dir.resolve(".write-probe");
		try {
			Files.deleteIfExists(probe);
			Files.writeString(probe, "ok");
			Files.delete(probe);
		}
		catch (IOException ex) {
			throw new EmbeddedStorageException(dir, "the data directory is not writable (" + describe(ex) + ")", ex);
		}
	}

	private static void checkExistingFile(Path file) {
		try {
			if (!Files.isRegularFile(file)) {
				throw new EmbeddedStorageException(file, "it is not a regular file");
			}
			if (Files.size(file) == 0) {
				throw new EmbeddedStorageException(file, "the database file is empty (0 bytes), so its data is gone. "
						+ "Restore it from a backup, or delete it to start with an empty database");
			}
			if (!Files.isWritable(file)) {
				throw new EmbeddedStorageException(file, "the database file is not writable by this user");
			}
		}
		catch (IOException ex) {
			throw new EmbeddedStorageException(file, "the database file cannot be read (" + describe(ex) + ")", ex);
		}
	}

	/** Patients' records and password hashes: readable by the owner only, where the file system knows owners. */
	private static void restrict(Path path, Set<PosixFilePermission> permissions) {
		try {
			Files.setPosixFilePermissions(path, permissions);
		}
		catch (UnsupportedOperationException ex) {
			// not a POSIX file system: the directory's own access rules apply
		}
		catch (IOException ex) {
			throw new EmbeddedStorageException(path, "its permissions cannot be restricted to the owner ("
					+ describe(ex) + ")", ex);
		}
	}

	private static String describe(IOException ex) {
		return ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
	}
}
