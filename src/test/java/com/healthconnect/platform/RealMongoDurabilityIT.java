package com.healthconnect.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.testcontainers.junit.jupiter.Testcontainers;

import com.healthconnect.platform.mongo.EmbeddedMongo;
import com.healthconnect.support.IntegrationTest;
import com.mongodb.WriteConcern;

/**
 * Docker only: against a real {@code mongo:8}, the app does not start the embedded server and writes with
 * {@code w=majority} and journaling. Skipped (and reported as skipped) where no Docker engine runs.
 */
@Tag("docker")
@Testcontainers(disabledWithoutDocker = true)
@IntegrationTest
class RealMongoDurabilityIT {

	@Autowired
	MongoTemplate mongo;

	@Autowired
	ObjectProvider<EmbeddedMongo> embedded;

	@Test
	void realMongoIsUsedWithMajorityJournaledWrites() {
		assertThat(embedded.getIfAvailable()).isNull();
		WriteConcern writeConcern = mongo.getDb().getWriteConcern();
		assertThat(writeConcern.getWString()).isEqualTo("majority");
		assertThat(writeConcern.getJournal()).isTrue();
		assertThat(mongo.executeCommand("{ buildInfo: 1 }").getString("version")).startsWith("8.");
	}
}
