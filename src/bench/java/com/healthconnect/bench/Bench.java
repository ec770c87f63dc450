package com.healthconnect.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.healthconnect.bench.Api.Account;
import com.healthconnect.bench.Fixtures.Pair;
import com.healthconnect.bench.Stomp.Session;
import com.healthconnect.browser.CallSetupBench;

/**
 * The benchmark run: start the app, time it to health UP, set up through the API, run the chosen scenarios, print one
 * line per figure, write {@code results.txt} and {@code results.json}, stop the app.
 */
public final class Bench {

	/** The scenarios that run against the app under load (the others need no app, or start their own). */
	private static final List<String> APP_SCENARIOS = List.of("rest", "booking", "capacity", "relay", "chat", "appcall");

	private Bench() {
	}

	public static void main(String[] args) throws Exception {
		Config config = Config.fromSystemProperties();
		Results results = new Results();
		machine(results, config);
		if (config.runs("startup")) {
			guarded(results, "startup", () -> new StartupScenario(config, results).run(config.startupRuns()));
		}
		results.meta("client.offers_deflate", String.valueOf(config.deflate()));
		if (config.runs("callfloor")) {
			guarded(results, "callfloor", () -> new CallFloorScenario(results).run(config.callFloorCalls()));
		}
		if (config.runs("crossinstance")) {
			guarded(results, "crossinstance", () -> new CrossInstanceScenario(config, results).run());
		}
		int exit = 0;
		try {
			if (APP_SCENARIOS.stream().anyMatch(config::runs)) {
				exit = withApp(config, results);
			}
		}
		finally {
			results.note(results.failures() + " target(s) missed");
			results.write(config.outDir());
			System.out.println("# results: " + config.outDir().resolve("results.txt") + " and results.json");
		}
		if (exit == 0 && config.failOnTarget() && !results.allPassed()) {
			exit = 1;
		}
		System.exit(exit);
	}

	/** Starts the app, runs the app's scenarios against it and stops it; 2 when the run aborted, else 0. */
	private static int withApp(Config config, Results results) throws Exception {
		AppProcess app = AppProcess.start(config, results);
		Thread stopper = new Thread(() -> {
			try {
				app.close();
			}
			catch (InterruptedException ignored) {
				Thread.currentThread().interrupt();
			}
		});
		Runtime.getRuntime().addShutdownHook(stopper);
		try {
			long startup = app.awaitHealthy(Duration.ofMinutes(3));
			results.meta("app.pid", String.valueOf(app.process.pid()));
			results.meta("app.jvm", app.jcmd("VM.version").lines().skip(1).findFirst().orElse("?").strip());
			results.figure("app.health_up_ms", startup);
			run(config, results, app);
			return 0;
		}
		catch (Exception ex) {
			results.note("RUN ABORTED: " + ex);
			ex.printStackTrace();
			return 2;
		}
		finally {
			app.close();
			Runtime.getRuntime().removeShutdownHook(stopper);
			results.note("app log: " + config.outDir().resolve("app.log"));
		}
	}

	private static void run(Config config, Results results, AppProcess app) throws Exception {
		Api api = new Api(app.base());
		Fixtures fixtures = new Fixtures(api, config.setupConcurrency(), results);
		int biggestSessions = Math.max(config.capacitySessions(), 2 * config.relayPairs().stream().max(Integer::compare).orElse(0));
		try (Stomp.Client stomp = new Stomp.Client(app.base(), Math.max(2, biggestSessions / 2500), config.heartbeatMs(),
				config.deflate())) {
			if (config.runs("rest")) {
				guarded(results, "rest", () -> {
					List<Account> doctors = fixtures.doctors(config.restDoctors());
					results.figure("rest.doctors", doctors.size());
					RestScenario rest = new RestScenario(results, app);
					rest.search(config.restConcurrency(), config.restWarmupSeconds(), config.restSeconds());
					rest.searchAtRate(config.restRate(), config.restRateConnections(), config.restWarmupSeconds(),
							config.restSeconds());
					rest.slots(doctors, config.restConcurrency(), config.restWarmupSeconds(), config.restSeconds());
				});
			}
			if (config.runs("booking")) {
				guarded(results, "booking", () -> {
					List<Account> contenders = fixtures.patients(config.bookingContenders());
					RestScenario rest = new RestScenario(results, app);
					rest.bookingRace(fixtures.newDoctor(), contenders);
					// the JIT and the connection pools warm up on five rounds of the same shape, each with its own doctor
					for (int round = 1; round <= 5; round++) {
						rest.concurrentBookings(fixtures.newDoctor(), contenders, round, false);
					}
					rest.concurrentBookings(fixtures.newDoctor(), contenders, 6, true);
					// the same patients then book at a steady offered rate, each run on doctors of its own
					for (int run = 0; run < config.bookingRates().size(); run++) {
						List<Account> doctors = new ArrayList<>();
						for (int d = 0; d < RestScenario.RATE_DOCTORS; d++) {
							doctors.add(fixtures.newDoctor());
						}
						rest.bookingsAtRate(doctors, contenders, config.bookingRates().get(run), run,
								config.bookingRateWarmupSeconds(), config.bookingRateSeconds());
					}
				});
			}
			if (config.runs("capacity")) {
				guarded(results, "capacity", () -> {
					List<Pair> relayPairs = fixtures.pairs(config.capacityRelayPairs());
					List<Account> idle = fixtures.patients(config.capacitySessions());
					CapacityScenario capacity = new CapacityScenario(results, stomp, app, config.outDir());
					List<Session> sessions = capacity.open(idle);
					try {
						int n = config.capacityRelayPairs();
						new RelayScenario(results, stomp, RelayScenario.ICE, app).run("capacity.relay.n" + n, relayPairs,
								config.capacityRelaySeconds(), config.warmupSeconds(),
								1000 / config.relayRate(), relayTarget(n));
					}
					finally {
						capacity.close(sessions);
					}
				});
			}
			if (config.runs("relay")) {
				for (int n : config.relayPairs()) {
					guarded(results, "relay.n" + n, () -> new RelayScenario(results, stomp, RelayScenario.ICE, app).run(
							"relay.n" + n, fixtures.pairs(n), config.relaySeconds(), config.warmupSeconds(),
							1000 / config.relayRate(), relayTarget(n)));
				}
			}
			if (config.runs("chat")) {
				guarded(results, "chat", () -> {
					int pairs = config.chatPairs();
					int periodMs = (int) Math.round(1000.0 * pairs / config.chatRate());
					results.figure("chat.target_msgs_per_s", config.chatRate());
					new RelayScenario(results, stomp, RelayScenario.CHAT, app).run("chat", fixtures.pairs(pairs),
							config.chatSeconds(), config.warmupSeconds(), periodMs, 25);
				});
			}
		}
		if (config.runs("appcall")) {
			guarded(results, "appcall", () -> {
				if (!servesWebUi(app)) {
					results.note("appcall: the app jar has no web UI (built with -Dfrontend.skip); not measured");
					return;
				}
				if (config.appCallLatencyMs() > 0) {
					results.figure("appcall.latency_ms", config.appCallLatencyMs());
				}
				CallSetupBench.Measured calls = CallSetupBench.run(app.port, config.appCallCalls(),
						config.appCallLatencyMs());
				results.figure("appcall.first_call.answer_to_first_remote_frame_ms", calls.firstCallMs());
				results.figure("appcall.left_open_after_hang_up.doctor", calls.doctorLeftOpen());
				results.figure("appcall.left_open_after_hang_up.patient", calls.patientLeftOpen());
				results.figure("appcall.calls", calls.laterCallsMs().size());
				results.figure("appcall.answer_to_first_remote_frame_ms.all", calls.laterCallsMs().toString());
				results.spread("appcall.answer_to_first_remote_frame", calls.laterCallsMs());
			});
		}
		callSetup(config, results);
	}

	private static boolean servesWebUi(AppProcess app) throws Exception {
		HttpResponse<String> page = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(app.base() + "/")).build(), HttpResponse.BodyHandlers.ofString());
		return page.statusCode() == 200 && page.body().contains("<script");
	}

	/** The issue's relay targets: p99 ≤ 10 ms up to 500 pairs, ≤ 50 ms up to 2000. */
	static double relayTarget(int pairs) {
		return pairs <= 500 ? 10 : 50;
	}

	interface Step {
		void run() throws Exception;
	}

	/** A scenario that fails (say, its endpoint does not exist yet) is reported and the run goes on. */
	private static void guarded(Results results, String name, Step step) {
		results.note("---- " + name + " ----");
		long t0 = System.nanoTime();
		try {
			step.run();
		}
		catch (Exception ex) {
			results.figure(name + ".status", "ERROR " + ex.toString().replace('\n', ' '));
			results.check(name + ".completed", 0, false, 1);
		}
		results.note(String.format("%s took %.1f s", name, (System.nanoTime() - t0) / 1e9));
	}

	/** Call set-up (Answer → connected) is measured by the browser test, which leaves it here. */
	private static void callSetup(Config config, Results results) throws Exception {
		Path file = config.screenshotsDir().resolve("call-setup.txt");
		if (!Files.exists(file)) {
			results.note("call set-up: no " + file + " (written by the browser call test); not measured here");
			return;
		}
		results.note("call set-up: copied from " + file + ", written by the browser test at "
				+ Files.getLastModifiedTime(file) + " (run that test alone for a figure on a quiet box)");
		for (String line : Files.readAllLines(file)) {
			String l = line.strip();
			if (l.isEmpty() || l.startsWith("#")) {
				continue;
			}
			if (l.contains("=")) {
				String[] kv = l.split("=", 2);
				results.figure("callsetup." + kv[0].strip(), kv[1].strip());
			}
			else {
				results.figure("callsetup.answer_to_connected_ms", l);
			}
		}
	}

	private static void machine(Results results, Config config) throws Exception {
		results.meta("started", Instant.now().toString());
		results.meta("nproc", String.valueOf(Runtime.getRuntime().availableProcessors()));
		Path cpuinfo = Path.of("/proc/cpuinfo");
		if (Files.exists(cpuinfo)) {
			Files.readAllLines(cpuinfo).stream().filter(l -> l.startsWith("model name")).findFirst()
				.ifPresent(l -> results.meta("cpu", l.split(":", 2)[1].strip()));
		}
		Path meminfo = Path.of("/proc/meminfo");
		if (Files.exists(meminfo)) {
			Files.readAllLines(meminfo).stream().filter(l -> l.startsWith("MemTotal")).findFirst()
				.ifPresent(l -> results.meta("memory", l.split(":", 2)[1].strip()));
		}
		results.meta("load_average", Files.exists(Path.of("/proc/loadavg"))
				? Files.readString(Path.of("/proc/loadavg")).strip() : "n/a");
		results.meta("client.jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
				+ ", max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");
		results.meta("scenarios", String.join(",", config.scenarios()));
	}
}
