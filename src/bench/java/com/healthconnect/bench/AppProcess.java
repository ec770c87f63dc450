package com.healthconnect.bench;

import static com.healthconnect.support.FreePorts.freePort;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The app under test as its own JVM: {@code java <appJvmArgs> -jar health-connect.jar} on a free loopback port with the
 * in-memory embedded MongoDB. Its console goes to {@code target/bench/app.log}; heap and RSS are read with
 * {@code jcmd} and {@code /proc}.
 */
final class AppProcess implements AutoCloseable {

	/** G1 and Parallel print "used 423000K", ZGC "used 460M", Shenandoah "460M used"; Metaspace follows the heap. */
	private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)([KMG])\\b|(\\d+)([KMG]) used");

	final int port;
	final Process process;
	final long startedNanos;
	final Path javaHome;
	final List<String> command;

	private AppProcess(int port, Process process, long startedNanos, Path javaHome, List<String> command) {
		this.port = port;
		this.process = process;
		this.startedNanos = startedNanos;
		this.javaHome = javaHome;
		this.command = command;
	}

	static AppProcess start(Config config, Results results) throws IOException {
		if (!Files.isRegularFile(config.appJar())) {
			throw new IllegalStateException("No app jar at " + config.appJar() + "; run `mvn -Pbench verify`");
		}
		// each run starts on an empty embedded database (storage=file would otherwise keep the last run's data)
		StartupScenario.deleteRecursively(config.outDir().resolve("data"));
		AppProcess app = launch(config, config.appJvmArgs(), config.appJar(), config.outDir().resolve("app.log"));
		results.meta("app.command", String.join(" ", app.command));
		results.note("account setup uses --healthconnect.bcrypt-cost=" + config.bcryptCost()
				+ " (production default 12) so that thousands of accounts are created quickly");
		return app;
	}

	/** Starts {@code jar} with the bench's app arguments on a free port; the console goes to {@code log}. */
	static AppProcess launch(Config config, List<String> jvmArgs, Path jar, Path log) throws IOException {
		return launch(config, jvmArgs, jar, log, List.of());
	}

	/** Instances of one bench run sign tokens with one secret, so that a session cookie works on each of them. */
	private static final String JWT_SECRET = "bench-only-secret-" + Long.toHexString(System.nanoTime())
			+ "-long-enough-for-hs256";

	/** As above, with {@code extraArgs} before the bench's own {@code bench.appArgs}. */
	static AppProcess launch(Config config, List<String> jvmArgs, Path jar, Path log, List<String> extraArgs)
			throws IOException {
		int port = freePort();
		String java = java(config);
		Path out = config.outDir();
		Files.createDirectories(log.getParent());
		List<String> command = new ArrayList<>();
		command.add(java);
		command.addAll(jvmArgs);
		command.add("-jar");
		command.add(jar.toString());
		command.add("--server.port=" + port);
		command.add("--server.address=127.0.0.1");
		command.add("--healthconnect.mongo.embedded.storage=" + config.storage());
		command.add("--healthconnect.mongo.embedded.data-dir=" + out.resolve("data"));
		command.add("--healthconnect.bcrypt-cost=" + config.bcryptCost());
		command.add("--healthconnect.demo-data=false");
		command.add("--healthconnect.jwt.secret=" + JWT_SECRET);
		command.add("--logging.level.de.bwaldvogel.mongo=WARN");
		// the load client signs up and in thousands of users from one address
		command.add("--healthconnect.throttle.login-attempts-per-address=100000000");
		command.add("--healthconnect.throttle.sign-ups-per-address=100000000");
		// the load client's doctors are bookable at once, without an operator
		command.add("--healthconnect.doctors.verification-required=false");
		command.addAll(extraArgs);
		command.addAll(config.appArgs());
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		long started = System.nanoTime();
		Process process = builder.start();
		return new AppProcess(port, process, started, Path.of(java).toAbsolutePath().getParent().getParent(),
				command);
	}

	/** The app's {@code java}: {@code bench.appJava}, else the one running the bench. */
	static String java(Config config) {
		return config.appJava().isBlank() ? ProcessHandle.current().info().command().orElse("java")
				: config.appJava();
	}

	String base() {
		return "http://127.0.0.1:" + port;
	}

	/** Polls {@code /actuator/health} until it says UP; returns milliseconds from process start. */
	long awaitHealthy(Duration timeout) throws InterruptedException {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/actuator/health"))
			.timeout(Duration.ofSeconds(2)).build();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("The app exited with " + process.exitValue() + "; see app.log");
			}
			try {
				HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
					return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			Thread.sleep(20);
		}
		throw new IllegalStateException("The app was not healthy within " + timeout);
	}

	/** Full GC in the app, then the heap's used bytes as G1 (or any collector) reports them. */
	long heapUsedAfterGc() throws IOException, InterruptedException {
		jcmd("GC.run");
		String info = jcmd("GC.heap_info");
		int metaspace = info.indexOf("Metaspace");
		Matcher m = HEAP_USED.matcher(metaspace < 0 ? info : info.substring(0, metaspace));
		if (!m.find()) {
			throw new IllegalStateException("Cannot read heap use from: " + info);
		}
		boolean usedFirst = m.group(1) != null;
		long amount = Long.parseLong(usedFirst ? m.group(1) : m.group(3));
		return amount << switch (usedFirst ? m.group(2) : m.group(4)) {
			case "K" -> 10;
			case "M" -> 20;
			default -> 30;
		};
	}

	/** Resident set size of the app process, from {@code /proc/<pid>/status}. */
	Optional<Long> rssBytes() throws IOException {
		Path status = Path.of("/proc", String.valueOf(process.pid()), "status");
		if (!Files.exists(status)) {
			return Optional.empty();
		}
		return Files.readAllLines(status).stream().filter(l -> l.startsWith("VmRSS:"))
			.map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024).findFirst();
	}

	String jcmd(String command) throws IOException, InterruptedException {
		Path jcmd = javaHome.resolve("bin").resolve("jcmd");
		Process p = new ProcessBuilder(Files.isExecutable(jcmd) ? jcmd.toString() : "jcmd",
				String.valueOf(process.pid()), command).redirectErrorStream(true).start();
		String output = new String(p.getInputStream().readAllBytes());
		if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
			throw new IllegalStateException("jcmd " + command + " failed: " + output);
		}
		return output;
	}

	@Override
	public void close() throws InterruptedException {
		if (process.isAlive()) {
			process.destroy();
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
	}
}
