package com.healthconnect.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * One way to get a MongoDB in a test: a real {@code mongo:8} where Docker runs; where it does not, no bean is defined
 * here and the embedded (in-memory) server starts instead, so the same test classes run in both places.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestcontainersConfiguration {

	@Bean
	@ServiceConnection
	@Conditional(DockerAvailable.class)
	MongoDBContainer mongoDbContainer() {
		return new MongoDBContainer("mongo:8");
	}
}
