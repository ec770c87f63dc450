package com.healthconnect.scaleout;

import static com.healthconnect.support.FreePorts.freePort;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.activemq.artemis.api.core.management.AddressControl;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.springframework.util.FileSystemUtils;

/**
 * ActiveMQ Artemis in this JVM with a STOMP acceptor ({@code /topic/} multicast, {@code /queue/} anycast), so the
 * suite needs no installed broker.
 */
public final class EmbeddedArtemis implements Broker {

	private final int port = freePort();
	private Path dir;
	private EmbeddedActiveMQ server;

	@Override
	public String host() {
		return "127.0.0.1";
	}

	@Override
	public int port() {
		return port;
	}

	@Override
	public void start() throws Exception {
		if (dir == null) {
			dir = Files.createTempDirectory("artemis");
		}
		Configuration config = new ConfigurationImpl().setPersistenceEnabled(false)
			.setSecurityEnabled(false)
			.setJournalDirectory(dir.resolve("journal").toString())
			.setBindingsDirectory(dir.resolve("bindings").toString())
			.setLargeMessagesDirectory(dir.resolve("large").toString())
			.setPagingDirectory(dir.resolve("paging").toString())
			.addAcceptorConfiguration("stomp",
					"tcp://127.0.0.1:" + port + "?protocols=STOMP;anycastPrefix=/queue/;multicastPrefix=/topic/");
		server = new EmbeddedActiveMQ();
		server.setConfiguration(config);
		server.start();
	}

	@Override
	public void stop() throws Exception {
		if (server != null) {
			server.stop();
			server = null;
		}
	}

	@Override
	public List<String> userQueues() throws Exception {
		List<String> names = new ArrayList<>();
		var active = server.getActiveMQServer();
		for (String address : active.getActiveMQServerControl().getAddressNames()) {
			if (address.startsWith("u.")) {
				AddressControl control = (AddressControl) active.getManagementService()
					.getResource(ResourceNames.ADDRESS + address);
				if (control != null) {
					names.addAll(List.of(control.getQueueNames()));
				}
			}
		}
		return names;
	}

	@Override
	public void close() throws Exception {
		stop();
		if (dir != null) {
			FileSystemUtils.deleteRecursively(dir);
		}
	}
}
