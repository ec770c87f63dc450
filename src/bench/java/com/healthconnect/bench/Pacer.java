package com.healthconnect.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * Open-loop pacing: {@code senders} each send once every {@code periodMs}, phases spread evenly over the period on a
 * 1 ms tick, so the load is smooth rather than one burst per period. A late tick is caught up (fixed rate).
 */
final class Pacer {

	private Pacer() {
	}

	static void run(int senders, int periodMs, long durationMillis, IntConsumer send) throws InterruptedException {
		int period = Math.max(1, periodMs);
		List<List<Integer>> buckets = new ArrayList<>();
		for (int i = 0; i < period; i++) {
			buckets.add(new ArrayList<>());
		}
		for (int i = 0; i < senders; i++) {
			buckets.get(i % period).add(i);
		}
		ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread t = new Thread(r, "pacer");
			t.setDaemon(true);
			return t;
		});
		long[] tick = { 0 };
		ScheduledFuture<?> task = ticker.scheduleAtFixedRate(() -> {
			for (int i : buckets.get((int) (tick[0]++ % period))) {
				send.accept(i);
			}
		}, 0, 1, TimeUnit.MILLISECONDS);
		Thread.sleep(durationMillis);
		task.cancel(false);
		ticker.shutdown();
		ticker.awaitTermination(5, TimeUnit.SECONDS);
	}
}
