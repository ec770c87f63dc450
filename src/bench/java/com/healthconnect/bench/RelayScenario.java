package com.healthconnect.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import com.healthconnect.bench.Api.Account;
import com.healthconnect.bench.Fixtures.Pair;
import com.healthconnect.bench.Stomp.Session;

/**
 * Signaling relay (and, with {@link #CHAT}, chat): per pair the doctor (caller) sends {@code rate} {@code /app/ice-candidate} frames a second to the
 * patient (callee), who receives them on {@code /user/queue/ice-candidate}. Latency is the callee's receive time minus
 * the send time carried in the candidate ({@code System.nanoTime()}, same JVM). A warm-up first proves every pair's
 * path end to end (probes until each callee has one) and then runs unrecorded traffic for the JIT.
 */
final class RelayScenario {

	private static final String CANDIDATE = "candidate:842163049 1 udp 1677729535 127.0.0.1 54321 typ srflx raddr "
			+ "0.0.0.0 rport 0 generation 0 ufrag EsAw network-cost 999";

	/** What flows from each pair's doctor to its patient, and how a received body gives back p, q, w and t. */
	interface Flow {

		String destination();

		String queue();

		String payload(Pair pair, int index, long seq, int warmup, long nanos);

		/** The key before a number in the received body: {@code "p":} in a relayed candidate, {@code p=} in chat text. */
		String key(String name);
	}

	static final Flow ICE = new Flow() {

		@Override
		public String destination() {
			return "/app/ice-candidate";
		}

		@Override
		public String queue() {
			return "/ice-candidate";
		}

		@Override
		public String payload(Pair pair, int index, long seq, int warmup, long nanos) {
			return "{\"to\":\"" + pair.patient().id() + "\",\"candidate\":{\"candidate\":\"" + CANDIDATE
					+ "\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0,\"p\":" + index + ",\"q\":" + seq + ",\"w\":"
					+ warmup + ",\"t\":" + nanos + "}}";
		}

		@Override
		public String key(String name) {
			return "\"" + name + "\":";
		}
	};

	static final Flow CHAT = new Flow() {

		@Override
		public String destination() {
			return "/app/chat.send";
		}

		@Override
		public String queue() {
			return "/messages";
		}

		@Override
		public String payload(Pair pair, int index, long seq, int warmup, long nanos) {
			return "{\"to\":\"" + pair.patient().id() + "\",\"text\":\"Good morning, doctor here. bench p=" + index
					+ " q=" + seq + " w=" + warmup + " t=" + nanos + "\"}";
		}

		@Override
		public String key(String name) {
			return " " + name + "=";
		}
	};

	private final Results results;
	private final Stomp.Client client;
	private final Stomp.Client calleeClient;
	private final Flow flow;
	private final long appPid;
	private final Map<String, ProcessHandle> others;

	RelayScenario(Results results, Stomp.Client client, Flow flow, AppProcess app) {
		this(results, client, client, flow, app.process.pid(), Map.of());
	}

	/**
	 * Callers connect through {@code client}, callees through {@code calleeClient} (another instance); the CPU of
	 * {@code appPid} and of each of {@code others} (with its child processes) is reported per relayed frame.
	 */
	RelayScenario(Results results, Stomp.Client client, Stomp.Client calleeClient, Flow flow, long appPid,
			Map<String, ProcessHandle> others) {
		this.results = results;
		this.client = client;
		this.calleeClient = calleeClient;
		this.flow = flow;
		this.appPid = appPid;
		this.others = others;
	}

	/** Returns whether every check passed. */
	boolean run(String prefix, List<Pair> pairs, int seconds, int warmupSeconds, int periodMs, double p99TargetMs)
			throws InterruptedException {
		int n = pairs.size();
		AtomicLongArray sent = new AtomicLongArray(n);
		AtomicLongArray received = new AtomicLongArray(n);
		AtomicIntegerArray probed = new AtomicIntegerArray(n);
		Histogram latency = new ConcurrentHistogram(3);
		// the worst latency of the frames sent in each second of the measured run: shows whether slow frames cluster
		AtomicLongArray worstPerSecond = new AtomicLongArray(seconds + 1);
		AtomicLong measuredFrom = new AtomicLong(Long.MAX_VALUE);
		long errorsBefore = errors();
		String pKey = flow.key("p");
		String qKey = flow.key("q");
		String wKey = flow.key("w");
		String tKey = flow.key("t");
		Stomp.Handler callee = (session, destination, body, now) -> {
			if (destination == null || !destination.endsWith(flow.queue())) {
				return;
			}
			int pair = (int) Stomp.number(body, pKey);
			long seq = Stomp.number(body, qKey);
			if (pair < 0 || pair >= n) {
				return;
			}
			if (seq == 0) {
				probed.set(pair, 1);
				return;
			}
			received.incrementAndGet(pair);
			if (Stomp.number(body, wKey) == 0) {
				long sentAt = Stomp.number(body, tKey);
				long micros = Math.max(0, (now - sentAt) / 1000);
				latency.recordValue(micros);
				int second = (int) Math.min(seconds, Math.max(0, (sentAt - measuredFrom.get()) / 1_000_000_000L));
				worstPerSecond.accumulateAndGet(second, micros, Math::max);
			}
		};
		List<Account> callers = pairs.stream().map(Pair::doctor).toList();
		List<Account> callees = pairs.stream().map(Pair::patient).toList();
		AtomicInteger failed = new AtomicInteger();
		long t0 = System.nanoTime();
		List<Session> calleeSessions = calleeClient.openAll(callees, callee, 64, failed);
		List<Session> callerSessions = client.openAll(callers, (s, d, b, t) -> { }, 64, failed);
		results.figure(prefix + ".sessions_open", calleeSessions.size() + callerSessions.size());
		results.figure(prefix + ".connect_seconds", (System.nanoTime() - t0) / 1e9);
		if (failed.get() > 0) {
			results.figure(prefix + ".sessions_failed", failed.get());
			results.note(prefix + ": last error " + client.lastError + " / " + calleeClient.lastError);
		}
		long deflated = client.deflatedSessions.get() + (calleeClient == client ? 0 : calleeClient.deflatedSessions.get());
		results.figure(prefix + ".sessions_with_deflate", Math.min(deflated, calleeSessions.size() + callerSessions.size()));
		java.util.Map<String, Integer> indexOf = new java.util.HashMap<>();
		for (int i = 0; i < n; i++) {
			indexOf.put(callers.get(i).id(), i);
		}
		Session[] bySender = new Session[n];
		for (Session s : callerSessions) {
			bySender[indexOf.get(s.account.id())] = s;
		}
		try {
			// probes until every callee has heard its caller once: subscriptions are live end to end
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			int ready = 0;
			while (System.nanoTime() < deadline) {
				ready = 0;
				for (int i = 0; i < n; i++) {
					if (probed.get(i) == 1) {
						ready++;
					}
					else if (bySender[i] != null) {
						send(bySender[i], pairs.get(i), i, 0, 1);
					}
				}
				if (ready == n) {
					break;
				}
				Thread.sleep(250);
			}
			results.checkExactly(prefix + ".ready_pairs", ready, n);
			if (ready == 0) {
				results.note(prefix + ": not one frame was relayed (is " + flow.destination()
						+ " implemented?); last error " + client.lastError);
				return false;
			}
			long[] seq = new long[n];
			int period = Math.max(1, periodMs);
			Pacer.run(n, period, TimeUnit.SECONDS.toMillis(warmupSeconds), i -> {
				if (bySender[i] != null) {
					sent.incrementAndGet(i);
					send(bySender[i], pairs.get(i), i, ++seq[i], 1);
				}
			});
			long measuredStart = System.nanoTime();
			measuredFrom.set(measuredStart);
			long sentBefore = total(sent);
			CpuTime cpu = CpuTime.now(appPid);
			Map<String, Long> otherCpu = new java.util.LinkedHashMap<>();
			Map<String, Long> otherJit = new java.util.LinkedHashMap<>();
			others.forEach((name, process) -> {
				otherCpu.put(name, CpuTime.treeNanos(process));
				otherJit.put(name, CpuTime.jitNanos(process.pid()));
			});
			Pacer.run(n, period, TimeUnit.SECONDS.toMillis(seconds), i -> {
				if (bySender[i] != null) {
					sent.incrementAndGet(i);
					send(bySender[i], pairs.get(i), i, ++seq[i], 0);
				}
			});
			double measuredSeconds = (System.nanoTime() - measuredStart) / 1e9;
			long measuredSent = total(sent) - sentBefore;
			CpuTime.now(appPid).reportSince(cpu, results, prefix, measuredSent);
			long wall = System.nanoTime() - cpu.wallNanos();
			others.forEach((name, process) -> {
				long used = CpuTime.treeNanos(process) - otherCpu.get(name);
				results.figure(prefix + "." + name + "_cores", Math.round(100.0 * used / wall) / 100.0);
				results.figure(prefix + "." + name + "_cpu_us_per_op",
						Math.round(10.0 * used / 1000 / Math.max(1, measuredSent)) / 10.0);
				CpuTime.reportJit(results, prefix + "." + name, CpuTime.jitNanos(process.pid()) - otherJit.get(name),
						measuredSent);
			});
			// what is still in flight arrives within a few seconds or counts as lost
			long drain = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
			while (total(received) < total(sent) && System.nanoTime() < drain) {
				Thread.sleep(50);
			}
			long lost = 0;
			long duplicates = 0;
			for (int i = 0; i < n; i++) {
				long d = sent.get(i) - received.get(i);
				lost += Math.max(0, d);
				duplicates += Math.max(0, -d);
			}
			results.figure(prefix + ".pairs", n);
			results.figure(prefix + ".sent", total(sent));
			results.figure(prefix + ".received", total(received));
			results.figure(prefix + ".frames_per_s", measuredSent / measuredSeconds);
			boolean pass = results.latencies(prefix, latency, p99TargetMs);
			slowSeconds(prefix, worstPerSecond, p99TargetMs);
			pass &= results.check(prefix + ".lost", lost, true, 0);
			if (duplicates > 0) {
				results.figure(prefix + ".duplicates", duplicates);
			}
			long errors = errors() - errorsBefore;
			results.figure(prefix + ".errors", errors);
			if (errors > 0) {
				results.note(prefix + ": last error " + client.lastError);
			}
			return pass;
		}
		finally {
			client.closeAll(callerSessions);
			calleeClient.closeAll(calleeSessions);
		}
	}

	/** Names the seconds of the run whose worst frame missed the target, e.g. {@code 7s:31ms 32s:44ms}. */
	private void slowSeconds(String prefix, AtomicLongArray worstPerSecond, double targetMs) {
		StringBuilder slow = new StringBuilder();
		int count = 0;
		for (int s = 0; s < worstPerSecond.length(); s++) {
			long ms = worstPerSecond.get(s) / 1000;
			if (ms > targetMs) {
				count++;
				slow.append(' ').append(s).append("s:").append(ms).append("ms");
			}
		}
		results.figure(prefix + ".seconds_with_a_frame_over_target", count);
		if (count > 0) {
			results.note(prefix + ": seconds (from the start of the measured run) whose worst frame missed the target:"
					+ slow);
		}
	}

	private long errors() {
		long errors = client.errorFrames.get() + client.errorMessages.get() + client.unexpectedCloses.get();
		if (calleeClient != client) {
			errors += calleeClient.errorFrames.get() + calleeClient.errorMessages.get()
					+ calleeClient.unexpectedCloses.get();
		}
		return errors;
	}

	private void send(Session caller, Pair pair, int index, long seq, int warmup) {
		caller.sendJson(flow.destination(), flow.payload(pair, index, seq, warmup, System.nanoTime()));
	}

	private static long total(AtomicLongArray counts) {
		long sum = 0;
		for (int i = 0; i < counts.length(); i++) {
			sum += counts.get(i);
		}
		return sum;
	}
}
