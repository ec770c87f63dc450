package com.healthconnect;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Modules talk only through each other's root packages, and there are no cycles between them. */
class ModularityTest {

	@Test
	void modulesRespectTheirBoundaries() {
		ApplicationModules.of(HealthConnectApplication.class).verify();
	}
}
