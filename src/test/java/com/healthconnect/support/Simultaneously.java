package com.healthconnect.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Races work against itself: every task on its own thread, all released at the same instant. */
public final class Simultaneously {

	private Simultaneously() {
	}

	/** Runs the tasks at once and adds up what they return (e.g. how many of a batch each worker claimed). */
	@SafeVarargs
	public static int sum(Callable<Integer>... tasks) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(tasks.length);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Integer>> runs = new ArrayList<>();
			for (Callable<Integer> task : tasks) {
				runs.add(pool.submit(() -> {
					start.await();
					return task.call();
				}));
			}
			start.countDown();
			int total = 0;
			for (Future<Integer> run : runs) {
				total += run.get();
			}
			return total;
		}
		finally {
			pool.shutdownNow();
		}
	}
}
