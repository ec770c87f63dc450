package com.healthconnect.scaleout;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The cross-instance scenarios on RabbitMQ with its STOMP plugin, the broker {@code docker-compose.yml} runs: a
 * private node of the machine's {@code rabbitmq-server}. Skipped, saying so, where RabbitMQ is not installed;
 * {@code .ci/run} installs it.
 */
class CrossInstanceRabbitMqIT extends CrossInstanceScenarios {

	@Override
	Broker broker() {
		assumeTrue(PrivateRabbitMq.installed(),
				"RabbitMQ is not installed (" + PrivateRabbitMq.SERVER + "); .ci/run installs Debian's rabbitmq-server");
		return new PrivateRabbitMq();
	}
}
