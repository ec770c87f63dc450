package com.healthconnect.scaleout;

import static com.healthconnect.support.FreePorts.freePort;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.healthconnect.HealthConnectApplication;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * Instances of the whole app sharing one MongoDB (a mongo-java-server on a port) and one STOMP broker through
 * Spring's broker relay, as {@code HEALTHCONNECT_BROKER=relay} runs them.
 */
public final class TwoInstances implements AutoCloseable {

	final Broker broker;
	private final MongoServer mongo;
	private final String mongoUri;
	private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	public TwoInstances(Broker broker) throws Exception {
		this.broker = broker;
		mongo = new MongoServer(new MemoryBackend());
		InetSocketAddress mongoAddress = mongo.bind();
		mongoUri = "mongodb://127.0.0.1:" + mongoAddress.getPort() + "/healthconnect";
		broker.start();
	}

	/** Starts one more instance on a random port, with these extra properties. */
	public ConfigurableApplicationContext start(Map<String, Object> extra) {
		Map<String, Object> properties = new HashMap<>();
		properties.put("server.port", 0);
		properties.put("spring.mongodb.uri", mongoUri);
		properties.put("healthconnect.realtime.broker", "relay");
		properties.put("healthconnect.realtime.relay.host", broker.host());
		properties.put("healthconnect.realtime.relay.port", broker.port());
		properties.put("healthconnect.realtime.instance-heartbeat", "500ms");
		properties.put("healthconnect.realtime.instance-timeout", "3s");
		properties.put("healthconnect.calls.ring-sweep", "500ms");
		properties.putAll(extra);
		// as command-line arguments: they win over application.properties
		String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
			.toArray(String[]::new);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(HealthConnectApplication.class)
			.profiles("test")
			.run(args);
		instances.add(context);
		return context;
	}

	public static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	@Override
	public void close() throws Exception {
		for (ConfigurableApplicationContext context : instances) {
			if (context.isActive()) {
				context.close();
			}
		}
		broker.close();
		mongo.shutdownNow();
	}
}
