package com.healthconnect.platform.mongo;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * MongoDB health by {@code ping}, which both a real server and the embedded one answer (Boot's own indicator asks
 * {@code hello}, which mongo-java-server does not know).
 */
@Component("mongoHealthIndicator")
class MongoPingHealthIndicator extends AbstractHealthIndicator {

	private final MongoTemplate mongo;

	MongoPingHealthIndicator(MongoTemplate mongo) {
		super("MongoDB health check failed");
		this.mongo = mongo;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Document result = mongo.executeCommand(new Document("ping", 1));
		builder.status(result.get("ok") instanceof Number ok && ok.doubleValue() == 1.0 ? "UP" : "DOWN");
	}
}
