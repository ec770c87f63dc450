package com.healthconnect.scaleout;

import static com.healthconnect.support.FreePorts.freePort;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.springframework.util.FileSystemUtils;

/**
 * A private node of the machine's RabbitMQ ({@code rabbitmq-server}, Debian's package, which {@code .ci/run}
 * installs) with its STOMP plugin, on free ports and in its own directory, started and stopped by the test; no
 * systemd, nothing shared with a RabbitMQ the machine may run.
 */
public final class PrivateRabbitMq implements Broker {

	public static final Path SERVER = Path.of("/usr/sbin/rabbitmq-server");
	private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

	private final int stompPort = freePort();
	private final int amqpPort = freePort();
	private final int distPort = freePort();
	private final int epmdPort = freePort();
	private final String node = "hc" + ProcessHandle.current().pid() + "@localhost";
	private Path dir;
	private Process process;

	public static boolean installed() {
		return Files.isExecutable(SERVER);
	}

	/** The running node's start script; its VM and helpers are its descendants. */
	public java.util.Optional<ProcessHandle> handle() {
		return java.util.Optional.ofNullable(process).map(Process::toHandle);
	}

	@Override
	public String host() {
		return "127.0.0.1";
	}

	@Override
	public int port() {
		return stompPort;
	}

	@Override
	public void start() throws Exception {
		if (dir == null) {
			dir = Files.createTempDirectory("rabbitmq");
			Files.writeString(dir.resolve("rabbitmq.conf"), String.join("\n",
					"listeners.tcp.default = 127.0.0.1:" + amqpPort,
					"stomp.listeners.tcp.1 = 127.0.0.1:" + stompPort,
					"loopback_users = none", ""));
			Files.writeString(dir.resolve("enabled_plugins"), "[rabbitmq_stomp].\n");
			// started as root, Debian's script runs the node as the rabbitmq user: it must own the directory
			if ("root".equals(System.getProperty("user.name"))) {
				run("chown", "-R", "rabbitmq:rabbitmq", dir.toString());
			}
		}
		ProcessBuilder builder = new ProcessBuilder(SERVER.toString()).redirectErrorStream(true)
			.redirectOutput(dir.resolve("server.out").toFile());
		builder.environment().putAll(environment());
		process = builder.start();
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("rabbitmq-server stopped: " + output());
			}
			try (Socket socket = new Socket("127.0.0.1", stompPort)) {
				return;
			}
			catch (IOException notYet) {
				Thread.sleep(250);
			}
		}
		throw new IllegalStateException("RabbitMQ's STOMP port did not open within " + START_TIMEOUT + ": " + output());
	}

	@Override
	public void stop() throws Exception {
		if (process != null) {
			ctl("stop");
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
			process = null;
		}
	}

	@Override
	public List<String> userQueues() throws Exception {
		List<String> names = new ArrayList<>();
		for (String line : ctl("list_bindings", "-q", "source_name", "destination_name", "routing_key").split("\n")) {
			String[] columns = line.split("\t");
			if (columns.length == 3 && columns[2].startsWith("u.")) {
				names.add(columns[1]);
			}
		}
		return names;
	}

	@Override
	public void close() throws Exception {
		stop();
		// the node's epmd outlives it
		ProcessBuilder epmd = new ProcessBuilder("epmd", "-kill").redirectErrorStream(true);
		epmd.environment().put("ERL_EPMD_PORT", String.valueOf(epmdPort));
		epmd.start().waitFor(10, TimeUnit.SECONDS);
		if (dir != null) {
			FileSystemUtils.deleteRecursively(dir);
		}
	}

	private Map<String, String> environment() {
		return Map.of("RABBITMQ_BASE", dir.toString(), "RABBITMQ_MNESIA_BASE", dir.resolve("mnesia").toString(),
				"RABBITMQ_LOG_BASE", dir.resolve("log").toString(), "RABBITMQ_NODENAME", node,
				"RABBITMQ_DIST_PORT", String.valueOf(distPort), "ERL_EPMD_PORT", String.valueOf(epmdPort),
				"RABBITMQ_CONFIG_FILE", dir.resolve("rabbitmq").toString(),
				"RABBITMQ_ENABLED_PLUGINS_FILE", dir.resolve("enabled_plugins").toString(),
				"RABBITMQ_PID_FILE", dir.resolve("pid").toString(), "HOME", dir.toString());
	}

	private String ctl(String... args) throws Exception {
		List<String> command = new ArrayList<>(List.of("rabbitmqctl", "-n", node));
		command.addAll(Arrays.asList(args));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().putAll(environment());
		Process ctl = builder.start();
		byte[] out = ctl.getInputStream().readAllBytes();
		ctl.waitFor(30, TimeUnit.SECONDS);
		return new String(out, StandardCharsets.UTF_8);
	}

	private String output() throws IOException {
		Path out = dir.resolve("server.out");
		return Files.exists(out) ? Files.readString(out) : "";
	}

	private static void run(String... command) throws Exception {
		new ProcessBuilder(command).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
	}
}
