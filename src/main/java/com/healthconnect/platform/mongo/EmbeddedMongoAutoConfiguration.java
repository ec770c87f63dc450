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

	@Bean
	MongoConnectionDetails embeddedMongoConnectionDetails(EmbeddedMongo embeddedMongo) {
		ConnectionString connectionString = new ConnectionString(embeddedMongo.connectionString());
		return () -> connectionString;
	}
}
