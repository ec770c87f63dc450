package com.healthconnect.platform.mongo;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.Scheduled;

import com.mongodb.ConnectionString;

import de.bwaldvogel.mongo.MongoServer;

/**
 * With no MongoDB URI configured (and none supplied by a Testcontainers service connection), start
 * mongo-java-server before the Mongo client connects and point the client at it.
 */
@AutoConfiguration(before = MongoAutoConfiguration.class,
		afterName = "org.springframework.boot.testcontainers.service.connection.ServiceConnectionAutoConfiguration")
@ConditionalOnClass(MongoServer.class)
@ConditionalOnBooleanProperty(name = "healthconnect.mongo.embedded.enabled", matchIfMissing = true)
@ConditionalOnExpression("'${spring.mongodb.uri:}'.isBlank()")
@ConditionalOnMissingBean(MongoConnectionDetails.class)
@EnableConfigurationProperties(EmbeddedMongoProperties.class)
public class EmbeddedMongoAutoConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedMongo embeddedMongo(EmbeddedMongoProperties properties) {
		return new EmbeddedMongo(properties);
	}

	/** Compacts the file now and then: with commits made per write group, H2's background writer no longer runs. */
	@Bean
	EmbeddedMongoMaintenance embeddedMongoMaintenance(EmbeddedMongo embeddedMongo) {
		return new EmbeddedMongoMaintenance(embeddedMongo);
	}

	static final class EmbeddedMongoMaintenance {

		private final EmbeddedMongo embeddedMongo;

		EmbeddedMongoMaintenance(EmbeddedMongo embeddedMongo) {
			this.embeddedMongo = embeddedMongo;
		}

		@Scheduled(initialDelayString = "${healthconnect.mongo.embedded.compact-every:10m}",
				fixedDelayString = "${healthconnect.mongo.embedded.compact-every:10m}")
		void compact() {
			embeddedMongo.compact();
		}
	}

	@Bean
	MongoConnectionDetails embeddedMongoConnectionDetails(EmbeddedMongo embeddedMongo) {
		ConnectionString connectionString = new ConnectionString(embeddedMongo.connectionString());
		return () -> connectionString;
	}
}
