package com.healthconnect.platform.mongo;

import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * MongoDB health by {@code ping}, which both a real server and the embedded one answer (Boot's own indicator asks
 * {@code hello}, which mongo-java-server does not know); on the embedded default also whether writes reach the disk.
 */
@Component("mongoHealthIndicator")
class MongoPingHealthIndicator extends AbstractHealthIndicator {

	private final MongoTemplate mongo;
	private final ObjectProvider<EmbeddedMongo> embedded;

	MongoPingHealthIndicator(MongoTemplate mongo, ObjectProvider<EmbeddedMongo> embedded) {
		super("MongoDB health check failed");
		this.mongo = mongo;
		this.embedded = embedded;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		EmbeddedMongo embeddedMongo = embedded.getIfAvailable();
		if (embeddedMongo != null) {
			// a write the disk did not take was refused to its client; until a later one succeeds, so is every other
			var failure = embeddedMongo.durabilityFailure();
			if (failure.isPresent()) {
				builder.down().withDetail("durable", false).withDetail("since", failure.get().at().toString());
				return;
			}
			embeddedMongo.checkDurable();
		}
		Document result = mongo.executeCommand(new Document("ping", 1));
		builder.status(result.get("ok") instanceof Number ok && ok.doubleValue() == 1.0 ? "UP" : "DOWN");
	}
}
