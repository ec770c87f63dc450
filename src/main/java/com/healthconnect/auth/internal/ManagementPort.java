package com.healthconnect.auth.internal;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The port of the separate management server, once it listens ({@code management.server.port}, Boot's child
 * context); none while the actuator shares the application's port.
 */
@Component
class ManagementPort {

	private volatile int port = -1;

	@EventListener
	void started(WebServerInitializedEvent event) {
		if ("management".equals(event.getApplicationContext().getServerNamespace())) {
			port = event.getWebServer().getPort();
		}
	}

	/** Whether the request came in on the separate management port. */
	boolean isManagementRequest(HttpServletRequest request) {
		return port > 0 && request.getLocalPort() == port;
	}
}
