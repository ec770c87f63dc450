package com.healthconnect.platform.mongo;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded MongoDB used when no {@code MONGODB_URI} is given.
 *
 * @param enabled whether to start it at all when no URI is set
 * @param storage {@code file} keeps data under {@code dataDir} across restarts; {@code memory} is for tests
 * @param dataDir where the H2 file (and the generated JWT key) live
 * @param database the database name the app uses on it
 */
@ConfigurationProperties("healthconnect.mongo.embedded")
public record EmbeddedMongoProperties(@DefaultValue("true") boolean enabled, @DefaultValue("file") Storage storage,
		@DefaultValue("./data") Path dataDir, @DefaultValue("healthconnect") String database) {

	public enum Storage {
		FILE, MEMORY
	}
}
