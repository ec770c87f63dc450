package com.healthconnect.bench;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.healthconnect.bench.Api.Account;
import com.healthconnect.bench.Stomp.Session;

/**
 * Connection capacity: many authenticated STOMP sessions (one patient each, subscribed to the UI's queues) held open
 * and idle with heart-beats; the app's heap after a full GC and its RSS, per session against a baseline taken before
 * they opened; then a relay run on top, which must still meet the relay targets.
 */
final class CapacityScenario {

	private final Results results;
	private final Stomp.Client client;
	private final AppProcess app;

	private final java.nio.file.Path outDir;

	CapacityScenario(Results results, Stomp.Client client, AppProcess app, java.nio.file.Path outDir) {
		this.outDir = outDir;
		this.results = results;
		this.client = client;
		this.app = app;
	}

	/** Opens the sessions and measures; the caller runs the relay, then {@link #close}. */
	List<Session> open(List<Account> accounts) throws Exception {
		long heapBefore = app.heapUsedAfterGc();
		long rssBefore = app.rssBytes().orElse(0L);
		String histogramBefore = app.jcmd("GC.class_histogram");
		results.figure("capacity.baseline_heap_mb", mb(heapBefore));
		results.figure("capacity.baseline_rss_mb", mb(rssBefore));
		AtomicInteger failed = new AtomicInteger();
		long t0 = System.nanoTime();
		List<Session> sessions = client.openAll(accounts, (s, d, b, t) -> { }, 128, failed);
		results.figure("capacity.connect_seconds", (System.nanoTime() - t0) / 1e9);
		results.checkExactly("capacity.sessions_open", sessions.size(), accounts.size());
		if (failed.get() > 0) {
			results.figure("capacity.sessions_failed", failed.get());
			results.note("capacity: last error " + client.lastError);
		}
		Thread.sleep(2000);
		long heap = app.heapUsedAfterGc();
		long rss = app.rssBytes().orElse(0L);
		int n = Math.max(1, sessions.size());
		results.check("capacity.heap_after_gc_mb", mb(heap), true, 512);
		results.figure("capacity.heap_per_session_kb", (heap - heapBefore) / 1024.0 / n);
		results.figure("capacity.rss_mb", mb(rss));
		results.figure("capacity.rss_per_session_kb", (rss - rssBefore) / 1024.0 / n);
		// where the per-session bytes go: the app's live objects by class, while the sessions are open
		java.nio.file.Path histogram = outDir.resolve("capacity-class-histogram.txt");
		String histogramAfter = app.jcmd("GC.class_histogram");
		java.nio.file.Files.writeString(histogram, histogramAfter);
		results.note("capacity: live objects by class in " + histogram);
		java.nio.file.Path perSession = outDir.resolve("capacity-per-session.txt");
		java.nio.file.Files.writeString(perSession, ClassHistogram.perSession(histogramBefore, histogramAfter, n));
		results.note("capacity: bytes and objects per session by class (after minus before) in " + perSession);
		return sessions;
	}

	void close(List<Session> sessions) {
		results.checkExactly("capacity.sessions_still_open", sessions.stream().filter(Session::isOpen).count(),
				sessions.size());
		client.closeAll(sessions);
	}

	private static double mb(long bytes) {
		return bytes / 1024.0 / 1024.0;
	}
}
