package com.healthconnect.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import com.healthconnect.bench.Api.Account;

/**
 * REST under load: a fixed number of closed-loop clients, each on its own kept-alive socket, for directory search and
 * for the slot listing (the most the server serves, with whatever latency saturation brings); directory search at a
 * fixed offered rate (the latency at that rate); and a race of many patients for one slot.
 */
final class RestScenario {

	/** Search terms users would type: specialities, surnames, first names, fragments; and no term at all. */
	static final List<String> TERMS = List.of("cardio", "derm", "pediatrics", "neuro", "smith", "weber", "patel", "kim",
			"amara", "chen", "general", "ortho", "an", "lee", "", "psych");

	private final Results results;
	private final String host = "127.0.0.1";
	private final int port;
	private final long appPid;

	RestScenario(Results results, AppProcess app) {
		this.results = results;
		this.port = app.port;
		this.appPid = app.process.pid();
	}

	/** Closed loop: the most searches a second the server serves, and the latency when it is saturated. */
	boolean search(int concurrency, int warmupSeconds, int seconds) throws InterruptedException {
		load("rest.search", concurrency, warmupSeconds, seconds, RestScenario::searchPath);
		return results.check("rest.search.req_per_s", rate, false, 2000);
	}

	private static String searchPath(ThreadLocalRandom random) {
		String term = TERMS.get(random.nextInt(TERMS.size()));
		return "/api/doctors?size=20" + (term.isEmpty() ? "" : "&q=" + term);
	}

	/**
	 * Open loop, the target's reading ("2,000 searches a second with p99 ≤ 20 ms"): searches fall due at evenly
	 * spaced instants, {@code perSecond} a second, whatever the replies do; {@code connections} kept-alive sockets
	 * take them in turn. Each latency counts from the instant its search fell due, so a server that falls behind shows
	 * it as latency, not as fewer requests (no coordinated omission).
	 */
	boolean searchAtRate(int perSecond, int connections, int warmupSeconds, int seconds) throws InterruptedException {
		String prefix = "rest.search_at_rate";
		Replies replies = new Replies();
		LinkedBlockingQueue<Long> due = new LinkedBlockingQueue<>();
		AtomicBoolean running = new AtomicBoolean(true);
		long interval = 1_000_000_000L / perSecond;
		long start = System.nanoTime() + 50_000_000L;
		long measureFrom = start + warmupSeconds * 1_000_000_000L;
		long measureTo = measureFrom + seconds * 1_000_000_000L;
		List<Thread> threads = clients(prefix, connections, (http, random) -> {
			while (running.get() || !due.isEmpty()) {
				Long at = due.poll(100, TimeUnit.MILLISECONDS);
				if (at != null) {
					replies.request(http, searchPath(random), at, () -> at >= measureFrom && at < measureTo);
				}
			}
		});
		CpuTime cpu = null;
		long next = start;
		while (next < measureTo) {
			long now = System.nanoTime();
			if (cpu == null && now >= measureFrom) {
				cpu = CpuTime.now(appPid);
			}
			for (; next <= now && next < measureTo; next += interval) {
				due.add(next);
			}
			LockSupport.parkNanos(Math.max(0, Math.min(next, measureTo) - System.nanoTime()));
		}
		running.set(false);
		for (Thread t : threads) {
			t.join(30_000);
		}
		CpuTime.now(appPid).reportSince(cpu, results, prefix, replies.count.get());
		results.figure(prefix + ".offered_per_s", perSecond);
		results.figure(prefix + ".connections", connections);
		boolean pass = results.check(prefix + ".req_per_s", replies.count.get() / (double) seconds, false, 2000);
		return replies.report(results, prefix, 20.0) & pass;
	}

	void slots(List<Account> doctors, int concurrency, int warmupSeconds, int seconds) throws InterruptedException {
		String date = Fixtures.inDays(1).toString();
		load("rest.slots", concurrency, warmupSeconds, seconds,
				random -> "/api/doctors/" + doctors.get(random.nextInt(doctors.size())).id() + "/slots?date=" + date);
		results.figure("rest.slots.req_per_s", rate);
	}

	private double rate;

	private void load(String prefix, int concurrency, int warmupSeconds, int seconds,
			Function<ThreadLocalRandom, String> paths) throws InterruptedException {
		Replies replies = new Replies();
		AtomicBoolean measuring = new AtomicBoolean();
		AtomicBoolean running = new AtomicBoolean(true);
		List<Thread> threads = clients(prefix, concurrency, (http, random) -> {
			while (running.get()) {
				replies.request(http, paths.apply(random), System.nanoTime(), measuring::get);
			}
		});
		Thread.sleep(warmupSeconds * 1000L);
		measuring.set(true);
		long t0 = System.nanoTime();
		CpuTime cpu = CpuTime.now(appPid);
		Thread.sleep(seconds * 1000L);
		measuring.set(false);
		CpuTime.now(appPid).reportSince(cpu, results, prefix, replies.count.get());
		double elapsed = (System.nanoTime() - t0) / 1e9;
		running.set(false);
		for (Thread t : threads) {
			t.join(10_000);
		}
		rate = replies.count.get() / elapsed;
		results.figure(prefix + ".concurrency", concurrency);
		replies.report(results, prefix, null);
	}

	/** The body of one client thread, on its own kept-alive connection. */
	private interface ClientLoop {

		void run(RawHttp http, ThreadLocalRandom random) throws InterruptedException;
	}

	/** Starts {@code count} daemon client threads, each with its own connection, running {@code loop}. */
	private List<Thread> clients(String prefix, int count, ClientLoop loop) {
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Thread t = new Thread(() -> {
				try (RawHttp http = new RawHttp(host, port)) {
					loop.run(http, ThreadLocalRandom.current());
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}, prefix + "-" + i);
			t.setDaemon(true);
			t.start();
			threads.add(t);
		}
		return threads;
	}

	/** The replies of a measured window: their latencies, how many came, how many were not 2xx, how many failed. */
	private static final class Replies {

		final Histogram latency = new ConcurrentHistogram(3);
		final AtomicLong count = new AtomicLong();
		final AtomicLong errors = new AtomicLong();
		final AtomicInteger non2xx = new AtomicInteger();

		/** One GET; counted, with its latency from {@code fromNanos}, if {@code measured} holds when it returns. */
		void request(RawHttp http, String path, long fromNanos, BooleanSupplier measured) {
			try {
				int status = http.get(path);
				if (measured.getAsBoolean()) {
					latency.recordValue((System.nanoTime() - fromNanos) / 1000);
					count.incrementAndGet();
					if (status / 100 != 2) {
						non2xx.incrementAndGet();
					}
				}
			}
			catch (Exception ex) {
				errors.incrementAndGet();
			}
		}

		/** Prints latency, non-2xx and error figures; answers whether the p99 met its target (if any). */
		boolean report(Results results, String prefix, Double p99TargetMs) {
			boolean pass = results.latencies(prefix, latency, p99TargetMs);
			results.figure(prefix + ".non_2xx", non2xx.get());
			results.figure(prefix + ".io_errors", errors.get());
			return pass;
		}
	}

	/**
	 * {@code patients} each book a different slot of one doctor at the same moment: every booking is a write that must
	 * be durable before its 201 (on {@code bench.storage=file}, one group commit serves the writes that arrive together).
	 */
	boolean concurrentBookings(Account doctor, List<Account> patients, int round, boolean measured)
			throws InterruptedException {
		Histogram latency = new ConcurrentHistogram(3);
		AtomicInteger created = new AtomicInteger();
		AtomicInteger ready = new AtomicInteger();
		CountDownLatch go = new CountDownLatch(1);
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < patients.size(); i++) {
			Account patient = patients.get(i);
			// the bench doctor's schedule has 8 half-hour slots a day from 08:00
			String json = "{\"doctorId\":\"" + doctor.id() + "\",\"date\":\"" + Fixtures.inDays(3 + round * 30 + i / 8)
					+ "\",\"startTime\":\"" + Api.clock(8 * 60 + (i % 8) * 30)
					+ "\",\"mode\":\"video\",\"reason\":\"bench\"}";
			Thread t = new Thread(() -> {
				try (RawHttp http = new RawHttp(host, port)) {
					String headers = "Cookie: " + patient.cookie() + "\r\nX-XSRF-TOKEN: " + patient.xsrf() + "\r\n";
					http.get("/actuator/health");
					ready.incrementAndGet();
					go.await();
					long t0 = System.nanoTime();
					RawHttp.Reply reply = http.request("POST", "/api/appointments", headers, json, true);
					latency.recordValue((System.nanoTime() - t0) / 1000);
					if (reply.status() == 201) {
						created.incrementAndGet();
					}
				}
				catch (Exception ex) {
					// counted as not created
				}
			});
			t.start();
			threads.add(t);
		}
		while (ready.get() < patients.size() && threads.stream().anyMatch(Thread::isAlive)) {
			Thread.sleep(10);
		}
		CpuTime cpu = CpuTime.now(appPid);
		go.countDown();
		for (Thread t : threads) {
			t.join(60_000);
		}
		if (!measured) {
			results.note(String.format("booking.concurrent warm-up round %d: %d of %d created, p99 %.1f ms", round,
					created.get(), patients.size(), latency.getValueAtPercentile(99) / 1000.0));
			return true;
		}
		results.note("booking.concurrent: " + patients.size() + " bookings of distinct slots at once, storage "
				+ System.getProperty("bench.storage", "memory") + ", after " + (round - 1) + " warm-up rounds");
		boolean pass = results.checkExactly("booking.concurrent.created_201", created.get(), patients.size());
		CpuTime after = CpuTime.now(appPid);
		after.reportSince(cpu, results, "booking.concurrent", patients.size());
		if (cpu.appNanos() >= 0) {
			// the last of a burst cannot answer before the cores have done the whole burst's work
			double cores = Runtime.getRuntime().availableProcessors();
			results.figure("booking.concurrent.burst_cpu_ms_per_core",
					Math.round((after.appNanos() - cpu.appNanos()) / 1e6 / cores));
		}
		return results.latencies("booking.concurrent", latency, 50.0) & pass;
	}

	/** Doctors each steady-rate run books, so that each doctor's slots last the run. */
	static final int RATE_DOCTORS = 10;

	/**
	 * Open loop: {@code patients.size()} clients, each on its own kept-alive connection, book distinct slots at
	 * {@code perSecond} bookings a second in all (booking {@code k} falls due at {@code k / perSecond} s and is the
	 * patient {@code k mod clients}'s). Each latency counts from the instant its booking fell due, so a client still
	 * waiting for its previous reply shows up as latency (no coordinated omission). The first {@code warmupSeconds}
	 * are not recorded.
	 */
	boolean bookingsAtRate(List<Account> doctors, List<Account> patients, int perSecond, int run, int warmupSeconds,
			int seconds) throws InterruptedException {
		String prefix = "booking.at_rate.r" + perSecond;
		int clients = patients.size();
		int total = perSecond * (warmupSeconds + seconds);
		long interval = 1_000_000_000L / perSecond;
		long start = System.nanoTime() + 200_000_000L;
		long measureFrom = start + warmupSeconds * 1_000_000_000L;
		Histogram latency = new ConcurrentHistogram(3);
		AtomicInteger created = new AtomicInteger();
		AtomicInteger other = new AtomicInteger();
		AtomicLong measuredCount = new AtomicLong();
		List<Thread> threads = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			Account patient = patients.get(c);
			int first = c;
			Thread t = new Thread(() -> {
				String headers = "Cookie: " + patient.cookie() + "\r\nX-XSRF-TOKEN: " + patient.xsrf() + "\r\n";
				try (RawHttp http = new RawHttp(host, port)) {
					for (int k = first; k < total; k += clients) {
						long due = start + k * interval;
						LockSupport.parkNanos(due - System.nanoTime());
						Account doctor = doctors.get(k % doctors.size());
						// distinct slots: a patient's next booking is two or more days later, never at the same time
						int j = k / doctors.size();
						String json = "{\"doctorId\":\"" + doctor.id() + "\",\"date\":\""
								+ Fixtures.inDays(400 + run * 200 + j / 8) + "\",\"startTime\":\""
								+ Api.clock(8 * 60 + (j % 8) * 30) + "\",\"mode\":\"video\",\"reason\":\"bench\"}";
						int status = http.request("POST", "/api/appointments", headers, json, true).status();
						if (due >= measureFrom) {
							latency.recordValue((System.nanoTime() - due) / 1000);
							measuredCount.incrementAndGet();
							if (status == 201) {
								created.incrementAndGet();
							}
							else {
								other.incrementAndGet();
							}
						}
					}
				}
				catch (Exception ex) {
					other.incrementAndGet();
				}
			}, prefix + "-" + c);
			t.setDaemon(true);
			t.start();
			threads.add(t);
		}
		LockSupport.parkNanos(measureFrom - System.nanoTime());
		CpuTime cpu = CpuTime.now(appPid);
		for (Thread t : threads) {
			t.join(120_000);
		}
		CpuTime.now(appPid).reportSince(cpu, results, prefix, measuredCount.get());
		results.note(prefix + ": " + clients + " clients book distinct slots of " + doctors.size() + " doctors at "
				+ perSecond + " a second for " + seconds + " s after " + warmupSeconds + " s unrecorded, storage "
				+ System.getProperty("bench.storage", "memory"));
		results.figure(prefix + ".offered_per_s", perSecond);
		results.figure(prefix + ".clients", clients);
		boolean pass = results.checkExactly(prefix + ".created_201", created.get(), (int) measuredCount.get());
		results.figure(prefix + ".other", other.get());
		return results.latencies(prefix, latency, 50.0) & pass;
	}

	/** {@code patients} book the same slot at the same moment, each on an already open socket: exactly one 201. */
	boolean bookingRace(Account doctor, List<Account> patients) throws InterruptedException {
		String json = "{\"doctorId\":\"" + doctor.id() + "\",\"date\":\"" + Fixtures.inDays(2) + "\",\"startTime\":\""
				+ Fixtures.FIRST_SLOT + "\",\"mode\":\"video\",\"reason\":\"race\"}";
		Histogram latency = new ConcurrentHistogram(3);
		AtomicInteger created = new AtomicInteger();
		AtomicInteger conflict = new AtomicInteger();
		AtomicInteger other = new AtomicInteger();
		AtomicInteger ready = new AtomicInteger();
		CountDownLatch go = new CountDownLatch(1);
		List<Thread> threads = new ArrayList<>();
		StringBuilder others = new StringBuilder();
		for (Account patient : patients) {
			Thread t = new Thread(() -> {
				try (RawHttp http = new RawHttp(host, port)) {
					String headers = "Cookie: " + patient.cookie() + "\r\nX-XSRF-TOKEN: " + patient.xsrf() + "\r\n";
					http.get("/actuator/health"); // the socket is open before the gun
					ready.incrementAndGet();
					go.await();
					long t0 = System.nanoTime();
					RawHttp.Reply reply = http.request("POST", "/api/appointments", headers, json, true);
					latency.recordValue((System.nanoTime() - t0) / 1000);
					switch (reply.status()) {
						case 201 -> created.incrementAndGet();
						case 409 -> conflict.incrementAndGet();
						default -> {
							other.incrementAndGet();
							synchronized (others) {
								if (others.length() < 400) {
									others.append(reply.status()).append(' ').append(reply.body()).append("; ");
								}
							}
						}
					}
				}
				catch (Exception ex) {
					other.incrementAndGet();
				}
			});
			t.start();
			threads.add(t);
		}
		while (ready.get() < patients.size() && threads.stream().anyMatch(Thread::isAlive)) {
			Thread.sleep(10);
		}
		go.countDown();
		for (Thread t : threads) {
			t.join(60_000);
		}
		results.figure("booking.race.contenders", patients.size());
		boolean pass = results.checkExactly("booking.race.created_201", created.get(), 1)
				& results.checkExactly("booking.race.conflict_409", conflict.get(), patients.size() - 1);
		results.figure("booking.race.other", other.get());
		if (other.get() > 0) {
			results.note("booking.race: other replies: " + others);
		}
		results.latencies("booking.race", latency, null);
		return pass;
	}
}
