package com.healthconnect.realtime.internal;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.unit.DataSize;

/**
 * The per-connection buffers of an open socket, sized by {@code healthconnect.realtime.socket-buffer-size}.
 * <p>
 * An idle WebSocket costs its buffers whatever the traffic, and at the 8 KB defaults those were most of the heap a
 * session takes (48 KB of the 90 KB measured, docs/PERFORMANCE.md): Tomcat's NIO read and write buffers, the
 * WebSocket frame input buffer, message buffers and output and encoder buffers. Messages longer than a buffer still
 * pass: they are read in parts (partial messages are reassembled, see {@link GuardedSocketHandler}) and written in
 * fragments.
 * <p>
 * Tomcat sizes three of the WebSocket buffers from the JVM-wide system property
 * {@value #TOMCAT_WEBSOCKET_BUFFER}, read once when its WebSocket classes load. This post-processor sets it before the
 * web server starts, unless it is already set (then the JVM's value wins).
 */
public final class SocketBuffers implements EnvironmentPostProcessor {

	static final String PROPERTY = "healthconnect.realtime.socket-buffer-size";

	static final String TOMCAT_WEBSOCKET_BUFFER = "org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE";

	/** The default of {@link RealtimeProperties#socketBufferSize()}. */
	static final String DEFAULT_SIZE = "2KB";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (System.getProperty(TOMCAT_WEBSOCKET_BUFFER) == null) {
			DataSize size = Binder.get(environment).bind(PROPERTY, DataSize.class).orElse(DataSize.parse(DEFAULT_SIZE));
			System.setProperty(TOMCAT_WEBSOCKET_BUFFER, Long.toString(size.toBytes()));
		}
	}

	/** Tomcat's NIO read and write buffer of every connection (HTTP and upgraded alike). */
	static TomcatConnectorCustomizer connectorBuffers(DataSize size) {
		String bytes = Long.toString(size.toBytes());
		return connector -> {
			connector.setProperty("socket.appReadBufSize", bytes);
			connector.setProperty("socket.appWriteBufSize", bytes);
		};
	}
}
