package com.healthconnect.support;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.springframework.util.FileSystemUtils;

/**
 * A private coturn ({@code turnserver}, Debian's {@code coturn}, which {@code .ci/run} installs) on 127.0.0.1: a free
 * port, its own relay port range, configuration, pidfile, user database and log under {@code target/coturn-*}, started
 * and stopped by the test; no systemd, nothing shared with a coturn the machine may run. It checks TURN credentials
 * the way a deployment does ({@code use-auth-secret} with a {@code static-auth-secret}) and relays between loopback
 * peers.
 */
public final class PrivateCoturn implements AutoCloseable {

	public static final Path SERVER = Path.of("/usr/bin/turnserver");
	/** Why a test that needs coturn is skipped where it is missing. */
	public static final String NOT_INSTALLED = "needs coturn at /usr/bin/turnserver (Debian: apt-get install coturn; "
			+ ".ci/run installs it)";
	private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
	private static final int RELAY_PORTS = 200;

	private final int port = freeUdpAndTcpPort();
	private final int minRelayPort = ThreadLocalRandom.current().nextInt(40_000, 60_000 - RELAY_PORTS);
	private Path dir;
	private Process process;

	public static boolean installed() {
		return Files.isExecutable(SERVER);
	}

	/** The TURN URL over UDP, as browsers get it from {@code healthconnect.turn.urls}. */
	public String url() {
		return "turn:127.0.0.1:" + port + "?transport=udp";
	}

	public int port() {
		return port;
	}

	/** Starts coturn accepting credentials made with {@code secret}, restarting it if it runs (same port). */
	public void start(String secret) throws Exception {
		stop();
		if (dir == null) {
			Path target = Files.createDirectories(Path.of("target"));
			dir = Files.createTempDirectory(target.toAbsolutePath(), "coturn-");
		}
		Files.deleteIfExists(dir.resolve("turndb"));
		Path config = dir.resolve("turnserver.conf");
		Files.writeString(config, String.join("\n", "listening-ip=127.0.0.1", "relay-ip=127.0.0.1",
				"listening-port=" + port, "min-port=" + minRelayPort, "max-port=" + (minRelayPort + RELAY_PORTS - 1),
				"use-auth-secret", "static-auth-secret=" + secret, "realm=healthconnect.test", "no-tls", "no-dtls",
				"allow-loopback-peers", "no-cli", "no-multicast-peers", "pidfile=" + dir.resolve("turnserver.pid"),
				"userdb=" + dir.resolve("turndb"),
				// its own log file is written line by line (stdout into a file would be buffered); verbose logs each
				// request with the username it came with
				"log-file=" + dir.resolve("turnserver.log"), "simple-log", "verbose", ""));
		process = new ProcessBuilder(SERVER.toString(), "-c", config.toString()).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("turnserver.out").toFile()))
			.start();
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("turnserver stopped: " + log());
			}
			try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
				return;
			}
			catch (IOException notYet) {
				Thread.sleep(20);
			}
		}
		throw new IllegalStateException("coturn did not listen on " + port + " within " + START_TIMEOUT + ": " + log());
	}

	public void stop() throws InterruptedException {
		if (process != null) {
			process.destroy();
			if (!process.waitFor(10, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
			process = null;
		}
	}

	/** What coturn logged: each request with its username and outcome (for assertions and failing tests). */
	public String log() throws IOException {
		Path log = dir == null ? null : dir.resolve("turnserver.log");
		return log != null && Files.exists(log) ? Files.readString(log) : "";
	}

	@Override
	public void close() throws Exception {
		stop();
		if (dir != null) {
			FileSystemUtils.deleteRecursively(dir);
		}
	}

	/** Whether coturn granted {@code userId} a relay allocation with credentials the app made for them. */
	public boolean allocatedFor(String userId) throws IOException {
		return Pattern.compile("user <\\d+:" + Pattern.quote(userId) + ">: incoming packet ALLOCATE processed, success")
			.matcher(log())
			.find();
	}

	/** coturn listens on UDP and TCP at the same port: find one free for both. */
	private static int freeUdpAndTcpPort() {
		for (int attempt = 0; attempt < 50; attempt++) {
			try (DatagramSocket udp = new DatagramSocket(0, InetAddress.getLoopbackAddress());
					ServerSocket tcp = new ServerSocket(udp.getLocalPort(), 1, InetAddress.getLoopbackAddress())) {
				return udp.getLocalPort();
			}
			catch (IOException taken) {
				// the TCP side was in use: try another
			}
		}
		throw new IllegalStateException("no free port for coturn");
	}
}
