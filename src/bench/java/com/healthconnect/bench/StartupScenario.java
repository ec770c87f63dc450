package com.healthconnect.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Start-up to {@code /actuator/health} UP, on the embedded default, two ways: the plain {@code java -jar}, and the
 * way Spring Boot recommends deploying it (and the Dockerfile does): the jar extracted with
 * {@code -Djarmode=tools extract}, plus a class archive from a training run that stops after the context refresh
 * ({@code -Dspring.context.exit=onRefresh}) — JDK 25's AOT cache ({@code -XX:AOTCacheOutput}) or, before 25, a dynamic
 * CDS archive ({@code -XX:ArchiveClassesAtExit}). Runs before the app under load starts, so nothing else competes.
 */
final class StartupScenario {

	private static final Pattern VERSION = Pattern.compile("version \"(\\d+)");

	private final Config config;
	private final Results results;
	private final Path dir;

	StartupScenario(Config config, Results results) {
		this.config = config;
		this.results = results;
		this.dir = config.outDir().resolve("startup");
	}

	void run(int runs) throws Exception {
		Path extracted = extract();
		boolean aotCache = javaFeature() >= 25;
		Path archive = dir.resolve(aotCache ? "app.aot" : "app.jsa");
		train(extracted, aotCache ? "-XX:AOTCacheOutput=" + archive : "-XX:ArchiveClassesAtExit=" + archive, archive);
		String use = aotCache ? "-XX:AOTCache=" + archive : "-XX:SharedArchiveFile=" + archive;
		results.figure("startup.archive", (aotCache ? "AOT cache " : "dynamic CDS archive ") + archive + ", "
				+ Files.size(archive) / (1024 * 1024) + " MB");
		List<Long> plain = new ArrayList<>();
		List<Long> archived = new ArrayList<>();
		for (int i = 0; i < runs; i++) {
			plain.add(timeToHealthy(config.appJvmArgs(), config.appJar(), "plain-" + i));
			archived.add(timeToHealthy(concat(config.appJvmArgs(), List.of(use)), extracted, "archived-" + i));
		}
		results.figure("startup.jar_runs_ms", plain);
		results.figure("startup.archived_runs_ms", archived);
		results.figure("startup.jar_median_ms", Results.median(plain));
		results.check("startup.archived_median_ms", Results.median(archived), true, 5000);
	}

	private Path extract() throws IOException, InterruptedException {
		deleteRecursively(dir);
		Files.createDirectories(dir);
		Path target = dir.resolve("app");
		exec(List.of(AppProcess.java(config), "-Djarmode=tools", "-jar", config.appJar().toString(), "extract",
				"--destination", target.toString()), dir.resolve("extract.log"), Duration.ofMinutes(2));
		return target.resolve(config.appJar().getFileName());
	}

	private void train(Path jar, String record, Path archive) throws IOException, InterruptedException {
		AppProcess training = AppProcess.launch(config,
				concat(config.appJvmArgs(), List.of(record, "-Dspring.context.exit=onRefresh")), jar,
				dir.resolve("training.log"));
		if (!training.process.waitFor(5, TimeUnit.MINUTES) || training.process.exitValue() != 0
				|| !Files.isRegularFile(archive)) {
			training.close();
			throw new IllegalStateException("The training run wrote no " + archive + "; see " + dir.resolve("training.log"));
		}
	}

	private long timeToHealthy(List<String> jvmArgs, Path jar, String name) throws Exception {
		try (AppProcess app = AppProcess.launch(config, jvmArgs, jar, dir.resolve(name + ".log"))) {
			return app.awaitHealthy(Duration.ofMinutes(3));
		}
	}

	private int javaFeature() throws IOException, InterruptedException {
		Path log = dir.resolve("java-version.txt");
		exec(List.of(AppProcess.java(config), "-version"), log, Duration.ofSeconds(30));
		Matcher m = VERSION.matcher(Files.readString(log));
		if (!m.find()) {
			throw new IllegalStateException("Cannot read the Java version from " + log);
		}
		return Integer.parseInt(m.group(1));
	}

	private static void exec(List<String> command, Path log, Duration timeout) throws IOException, InterruptedException {
		Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) || p.exitValue() != 0) {
			p.destroyForcibly();
			throw new IllegalStateException(String.join(" ", command) + " failed; see " + log);
		}
	}

	private static List<String> concat(List<String> a, List<String> b) {
		return Stream.concat(a.stream(), b.stream()).toList();
	}

	static void deleteRecursively(Path path) throws IOException {
		if (Files.exists(path)) {
			try (Stream<Path> walk = Files.walk(path)) {
				for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(p);
				}
			}
		}
	}
}
