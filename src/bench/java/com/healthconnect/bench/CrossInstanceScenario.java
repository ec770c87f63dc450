package com.healthconnect.bench;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;

import com.healthconnect.bench.Fixtures.Pair;
import com.healthconnect.bench.Stomp.Session;
import com.healthconnect.scaleout.PrivateRabbitMq;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * Two instances of the app ({@code HEALTHCONNECT_BROKER=relay}) on one private RabbitMQ node (Debian's
 * {@code rabbitmq-server} with its STOMP plugin) and one MongoDB (mongo-java-server in memory, served over TCP from
 * this process): every caller is connected to instance A, every callee to instance B, so each relayed frame goes
 * A → RabbitMQ → B. Reports latency, loss and duplicates, the CPU per relayed frame of each instance and of the
 * broker, and the time from a reconnect's CONNECTED (on the other instance) to the first message delivered.
 */
final class CrossInstanceScenario {

	private final Config config;
	private final Results results;

	CrossInstanceScenario(Config config, Results results) {
		this.config = config;
		this.results = results;
	}

	void run() throws Exception {
		if (!PrivateRabbitMq.installed()) {
			results.note("crossinstance: skipped, no " + PrivateRabbitMq.SERVER + " (apt-get install rabbitmq-server)");
			return;
		}
		MongoServer mongo = new MongoServer(new MemoryBackend());
		InetSocketAddress mongoAddress = mongo.bind();
		try (PrivateRabbitMq broker = new PrivateRabbitMq()) {
			long t0 = System.nanoTime();
			broker.start();
			results.figure("crossinstance.broker_start_s", Math.round((System.nanoTime() - t0) / 1e8) / 10.0);
			List<String> args = List.of("--spring.mongodb.uri=mongodb://127.0.0.1:" + mongoAddress.getPort() + "/healthconnect",
					"--healthconnect.realtime.broker=relay", "--healthconnect.realtime.relay.host=" + broker.host(),
					"--healthconnect.realtime.relay.port=" + broker.port());
			try (AppProcess a = AppProcess.launch(config, config.appJvmArgs(), config.appJar(),
					config.outDir().resolve("app-a.log"), args);
					AppProcess b = AppProcess.launch(config, config.appJvmArgs(), config.appJar(),
							config.outDir().resolve("app-b.log"), args)) {
				a.awaitHealthy(Duration.ofMinutes(3));
				b.awaitHealthy(Duration.ofMinutes(3));
				Fixtures fixtures = new Fixtures(new Api(a.base()), config.setupConcurrency(), results);
				int pairs = config.crossPairs();
				try (Stomp.Client onA = new Stomp.Client(a.base(), 2, config.heartbeatMs(), config.deflate());
						Stomp.Client onB = new Stomp.Client(b.base(), 2, config.heartbeatMs(), config.deflate())) {
					List<Pair> all = fixtures.pairs(pairs);
					Map<String, ProcessHandle> others = Map.of("app_b", b.process.toHandle(), "broker",
							broker.handle().orElseThrow());
					new RelayScenario(results, onA, onB, RelayScenario.ICE, a.process.pid(), others).run(
							"crossinstance.relay.n" + pairs, all, config.crossSeconds(), config.warmupSeconds(),
							1000 / config.relayRate(), 25);
					reconnects(onA, onB, all.subList(0, Math.min(all.size(), config.crossReconnects())));
				}
			}
		}
		finally {
			mongo.shutdownNow();
		}
	}

	/** One sample: microseconds from CONNECTED to the first candidate, or null if none came within 10 s. */
	private static Long reconnect(Stomp.Client onA, Stomp.Client onB, Pair pair) throws Exception {
		Session doctor = onA.open(pair.doctor(), (s, d, b, t) -> { }).get(10, TimeUnit.SECONDS);
		Session before = onB.open(pair.patient(), (s, d, b, t) -> { }).get(10, TimeUnit.SECONDS);
		before.close().get(10, TimeUnit.SECONDS);
		AtomicLong firstAt = new AtomicLong();
		CompletableFuture<Session> after = onA.open(pair.patient(), (s, destination, body, now) -> {
			if (destination != null && destination.endsWith("/ice-candidate")) {
				firstAt.compareAndSet(0, now);
			}
		});
		long seq = 0;
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (firstAt.get() == 0 && System.nanoTime() < deadline) {
			doctor.sendJson("/app/ice-candidate", RelayScenario.ICE.payload(pair, 0, ++seq, 1, System.nanoTime()));
			Thread.sleep(20);
		}
		Session session = after.getNow(null);
		List<Session> done = new ArrayList<>(List.of(doctor));
		if (session != null) {
			done.add(session);
		}
		onA.closeAll(done);
		return firstAt.get() == 0 || session == null ? null
				: Math.max(0, (firstAt.get() - session.connectedNanos) / 1000);
	}

	/**
	 * Per pair: the doctor on A sends a candidate every 20 ms to the patient; the patient's session on B closes and a
	 * new one opens on A. Measured: from the new session's CONNECTED to the first candidate it receives (its
	 * subscriptions go out right after CONNECTED, as the web UI's do).
	 */
	private void reconnects(Stomp.Client onA, Stomp.Client onB, List<Pair> pairs) throws Exception {
		Histogram connectedToFirst = new Histogram(3);
		AtomicInteger never = new AtomicInteger();
		for (Pair pair : pairs) {
			try {
				Long sample = reconnect(onA, onB, pair);
				if (sample == null) {
					never.incrementAndGet();
				}
				else {
					connectedToFirst.recordValue(sample);
				}
			}
			catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ex) {
				// a session that could not even open within 10 s: counted, and the run goes on
				never.incrementAndGet();
				results.note("crossinstance.reconnect: " + ex);
			}
		}
		results.figure("crossinstance.reconnect.samples", pairs.size());
		results.latencies("crossinstance.reconnect.connected_to_first_message", connectedToFirst, 1000.0);
		results.check("crossinstance.reconnect.never_delivered", never.get(), true, 0);
	}
}
