package com.healthconnect.support;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.testcontainers.DockerClientFactory;

/** True where a Docker engine answers; asked once per JVM. */
public class DockerAvailable implements Condition {

	private static volatile Boolean available;

	public static boolean isAvailable() {
		if (available == null) {
			boolean result;
			try {
				result = DockerClientFactory.instance().isDockerAvailable();
			}
			catch (Throwable ex) {
				result = false;
			}
			available = result;
		}
		return available;
	}

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return isAvailable();
	}
}
