package com.healthconnect.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/** The embedded server has no authentication, so it listens on no port: only on a socket in a private directory. */
class EmbeddedMongoSocketTest {

	@TempDir
	Path dataDir;

	@Test
	void onlyTheOwnerCanReachTheEmbeddedServer() throws Exception {
		Path socket;
		try (EmbeddedMongo mongo = new EmbeddedMongo(new EmbeddedMongoProperties(true,
				EmbeddedMongoProperties.Storage.FILE, dataDir, "healthconnect"))) {
			String uri = mongo.connectionString();
			assertThat(uri).startsWith("mongodb://%2F").doesNotContain("127.0.0.1").doesNotContain("localhost");
			socket = Path.of(URLDecoder.decode(uri.substring("mongodb://".length(), uri.lastIndexOf('/')),
					StandardCharsets.UTF_8));
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.getParent())))
				.isEqualTo("rwx------");
			try (MongoClient client = MongoClients.create(uri)) {
				client.getDatabase("healthconnect").getCollection("probe").insertOne(new Document("ok", 1));
				assertThat(client.getDatabase("healthconnect").getCollection("probe").countDocuments()).isEqualTo(1);
			}
			// the maintenance H2's background writer used to do; it commits like any write
			mongo.compact();
			mongo.checkDurable();
			assertThat(mongo.durabilityFailure()).isEmpty();
		}
		assertThat(socket).doesNotExist();
		assertThat(socket.getParent()).doesNotExist();
	}
}
