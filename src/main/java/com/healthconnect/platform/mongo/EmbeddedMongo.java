package com.healthconnect.platform.mongo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoBackend;

/**
 * A running mongo-java-server on a Unix domain socket in a directory private to this user (it has no authentication of
 * its own, so no TCP port). Other modules ask for it to learn that they run on the
 * embedded default (for example to keep a generated key beside its data).
 */
public final class EmbeddedMongo implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);

	/**
	 * Netty event loops serving the driver's connections. A write holds its loop until its group commit is on disk, so
	 * more loops than cores let the other connections' commands (and the next group's writes) go on meanwhile.
	 */
	private static final int WORKER_THREADS = 16;

	private final EmbeddedMongoProperties properties;
	private final DurableH2Backend durable; // null for memory storage
	private final Path socketDir;
	private final DomainSocketMongoServer server;

	EmbeddedMongo(EmbeddedMongoProperties properties) {
		this.properties = properties;
		this.durable = properties.storage() == EmbeddedMongoProperties.Storage.FILE
				? new DurableH2Backend(EmbeddedStorage.open(properties.dataDir())) : null;
		MongoBackend backend = durable != null ? durable : new IndexedMemoryBackend();
		this.socketDir = privateDirectory();
		try {
			this.server = new DomainSocketMongoServer(backend, socketDir.resolve("mongo.sock"), WORKER_THREADS);
		}
		catch (RuntimeException ex) {
			backend.close();
			throw ex;
		}
		log.info("Embedded MongoDB ({} storage{}) listening on {}", properties.storage().name().toLowerCase(),
				dataFile().map(f -> " at " + f.toAbsolutePath().normalize()).orElse(""), server.socket());
	}

	/** A fresh directory that only this user may enter: the socket in it is the embedded server's only door. */
	private static Path privateDirectory() {
		try {
			return Files.createTempDirectory("healthconnect-mongo-",
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
		}
		catch (UnsupportedOperationException ex) {
			throw new IllegalStateException("The embedded MongoDB needs a POSIX file system for its private socket "
					+ "directory; set MONGODB_URI to use a real MongoDB instead", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create a private directory for the embedded MongoDB socket", ex);
		}
	}

	/** The newest group commit's failure, while no later one has succeeded: acknowledged writes are not durable. */
	Optional<GroupCommit.Failure> durabilityFailure() {
		return durable == null ? Optional.empty() : durable.commits().failure();
	}

	/** Writes whatever is pending and syncs it; throws when the disk does not take it. */
	void checkDurable() {
		if (durable != null) {
			durable.commits().awaitDurable();
		}
	}

	/** Keeps the file compact; a no-op for memory storage. */
	void compact() {
		if (durable != null) {
			durable.compact();
		}
	}

	/** The socket path, URL-encoded as the driver expects for a Unix domain socket. */
	public String connectionString() {
		return "mongodb://" + URLEncoder.encode(server.socket().toString(), StandardCharsets.UTF_8) + "/"
				+ properties.database();
	}

	/** The directory that survives restarts, when the storage is a file. */
	public Optional<Path> dataDir() {
		return properties.storage() == EmbeddedMongoProperties.Storage.FILE ? Optional.of(properties.dataDir())
				: Optional.empty();
	}

	private Optional<Path> dataFile() {
		return dataDir().map(dir -> dir.resolve(EmbeddedStorage.FILE_NAME));
	}

	@Override
	public void close() {
		server.close();
		try {
			Files.deleteIfExists(socketDir);
		}
		catch (IOException ex) {
			log.debug("Could not remove {}: {}", socketDir, ex.toString());
		}
		log.info("Embedded MongoDB stopped");
	}
}
