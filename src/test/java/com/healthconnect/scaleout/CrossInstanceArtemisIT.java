package com.healthconnect.scaleout;

/** The cross-instance scenarios on an ActiveMQ Artemis started in the test JVM: no installed broker needed. */
class CrossInstanceArtemisIT extends CrossInstanceScenarios {

	@Override
	Broker broker() {
		return new EmbeddedArtemis();
	}
}
