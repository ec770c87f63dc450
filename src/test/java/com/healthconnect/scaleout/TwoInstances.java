package com.healthconnect.scaleout;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.activemq.artemis.api.core.management.ActiveMQServerControl;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import com.healthconnect.HealthConnectApplication;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * Two instances of the whole app sharing one MongoDB and one STOMP broker through Spring's broker relay, as
 * {@code HEALTHCONNECT_BROKER=relay} runs them. The broker is the one named by the system property
 * {@code healthconnect.test.broker} ({@code host:port}, e.g. a RabbitMQ with its STOMP plugin that {@code .ci/run}
 * starts), else an ActiveMQ Artemis started here with a STOMP acceptor; MongoDB is a mongo-java-server on a port.
 */
final class TwoInstances implements AutoCloseable {

	static final String EXTERNAL_BROKER = "healthconnect.test.broker";

	final MongoServer mongo;
	final String brokerHost;
	final int brokerPort;
	private EmbeddedActiveMQ artemis;
	private Path artemisDir;
	private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	TwoInstances() throws Exception {
		mongo = new MongoServer(new MemoryBackend());
		InetSocketAddress mongoAddress = mongo.bind();
		String external = System.getProperty(EXTERNAL_BROKER, "");
		if (!external.isBlank()) {
			brokerHost = external.substring(0, external.lastIndexOf(':'));
			brokerPort = Integer.parseInt(external.substring(external.lastIndexOf(':') + 1));
		}
		else {
			brokerHost = "127.0.0.1";
			brokerPort = freePort();
			startArtemis();
		}
		this.mongoUri = "mongodb://127.0.0.1:" + mongoAddress.getPort() + "/healthconnect";
	}

	private final String mongoUri;

	boolean embeddedBroker() {
		return artemis != null;
	}

	void startArtemis() throws Exception {
		if (artemisDir == null) {
			artemisDir = Files.createTempDirectory("artemis");
		}
		Configuration config = new ConfigurationImpl().setPersistenceEnabled(false)
			.setSecurityEnabled(false)
			.setJournalDirectory(artemisDir.resolve("journal").toString())
			.setBindingsDirectory(artemisDir.resolve("bindings").toString())
			.setLargeMessagesDirectory(artemisDir.resolve("large").toString())
			.setPagingDirectory(artemisDir.resolve("paging").toString())
			.addAcceptorConfiguration("stomp", "tcp://127.0.0.1:" + brokerPort
					+ "?protocols=STOMP;anycastPrefix=/queue/;multicastPrefix=/topic/");
		artemis = new EmbeddedActiveMQ();
		artemis.setConfiguration(config);
		artemis.start();
	}

	void stopArtemis() throws Exception {
		if (artemis != null) {
			artemis.stop();
		}
	}

	/** Names of the broker's queues that belong to user destinations ({@code u.<userId>.<queue>}). */
	List<String> userQueues() throws Exception {
		ActiveMQServerControl control = artemis.getActiveMQServer().getActiveMQServerControl();
		List<String> names = new ArrayList<>();
		for (String address : control.getAddressNames()) {
			if (address.startsWith("u.")) {
				var addressControl = (org.apache.activemq.artemis.api.core.management.AddressControl) artemis
					.getActiveMQServer()
					.getManagementService()
					.getResource(org.apache.activemq.artemis.api.core.management.ResourceNames.ADDRESS + address);
				if (addressControl != null) {
					names.addAll(List.of(addressControl.getQueueNames()));
				}
			}
		}
		return names;
	}

	/** Starts one more instance on a random port, with these extra properties. */
	ConfigurableApplicationContext start(Map<String, Object> extra) {
		Map<String, Object> properties = new HashMap<>();
		properties.put("server.port", 0);
		properties.put("spring.mongodb.uri", mongoUri);
		properties.put("healthconnect.realtime.broker", "relay");
		properties.put("healthconnect.realtime.relay.host", brokerHost);
		properties.put("healthconnect.realtime.relay.port", brokerPort);
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

	static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	@Override
	public void close() throws Exception {
		for (ConfigurableApplicationContext context : instances) {
			if (context.isActive()) {
				context.close();
			}
		}
		stopArtemis();
		mongo.shutdownNow();
		if (artemisDir != null) {
			FileSystemUtils.deleteRecursively(artemisDir);
		}
	}
}
