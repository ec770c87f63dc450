package com.healthconnect.platform.mongo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * A running mongo-java-server on a free loopback port. Other modules ask for it to learn that they run on the
 * embedded default (for example to keep a generated key beside its data).
 */
public final class EmbeddedMongo implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);

	private final EmbeddedMongoProperties properties;
	private final MongoServer server;
	private final InetSocketAddress address;

	EmbeddedMongo(EmbeddedMongoProperties properties) {
		this.properties = properties;
		this.server = new MongoServer(backend(properties));
		server.bind("127.0.0.1", 0);
		this.address = server.getLocalAddress();
		log.info("Embedded MongoDB ({} storage{}) listening on {}", properties.storage().name().toLowerCase(),
				dataFile().map(f -> " at " + f.toAbsolutePath().normalize()).orElse(""), address);
	}

	private static MongoBackend backend(EmbeddedMongoProperties properties) {
		if (properties.storage() == EmbeddedMongoProperties.Storage.MEMORY) {
			return new MemoryBackend();
		}
		try {
			Files.createDirectories(properties.dataDir());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the data directory " + properties.dataDir(), ex);
		}
		return new H2Backend(properties.dataDir().resolve("healthconnect.mv.db").toString());
	}

	public String connectionString() {
		return "mongodb://" + address.getHostString() + ":" + address.getPort() + "/" + properties.database();
	}

	/** The directory that survives restarts, when the storage is a file. */
	public Optional<Path> dataDir() {
		return properties.storage() == EmbeddedMongoProperties.Storage.FILE ? Optional.of(properties.dataDir())
				: Optional.empty();
	}

	private Optional<Path> dataFile() {
		return dataDir().map(dir -> dir.resolve("healthconnect.mv.db"));
	}

	@Override
	public void close() {
		server.shutdownNow();
		log.info("Embedded MongoDB stopped");
	}
}
