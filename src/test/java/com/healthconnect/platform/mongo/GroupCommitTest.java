package com.healthconnect.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

	@Test
	void writersArrivingDuringAFlushShareTheNextOne() throws Exception {
		CountDownLatch firstFlushStarted = new CountDownLatch(1);
		CountDownLatch releaseFirstFlush = new CountDownLatch(1);
		AtomicInteger flushes = new AtomicInteger();
		GroupCommit commits = new GroupCommit(() -> {
			if (flushes.incrementAndGet() == 1) {
				firstFlushStarted.countDown();
				await(releaseFirstFlush);
			}
		});
		ExecutorService pool = Executors.newFixedThreadPool(9);
		try {
			Future<?> leader = pool.submit(commits::awaitDurable);
			assertThat(firstFlushStarted.await(5, TimeUnit.SECONDS)).isTrue();
			List<Future<?>> followers = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				followers.add(pool.submit(commits::awaitDurable));
			}
			// the running flush may have started before their writes: none of them may return on it
			Awaitility.await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2))
				.until(() -> followers.stream().noneMatch(Future::isDone));
			releaseFirstFlush.countDown();
			leader.get(5, TimeUnit.SECONDS);
			for (Future<?> follower : followers) {
				follower.get(5, TimeUnit.SECONDS);
			}
			// all eight waited for one more flush, not one each
			assertThat(flushes.get()).isEqualTo(2);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void manyConcurrentWritersNeedFarFewerFlushesThanWrites() throws Exception {
		AtomicInteger flushes = new AtomicInteger();
		AtomicLong durableUpTo = new AtomicLong();
		AtomicLong written = new AtomicLong();
		GroupCommit commits = new GroupCommit(() -> {
			long upTo = written.get();
			flushes.incrementAndGet();
			sleep(2);
			durableUpTo.set(upTo);
		});
		ExecutorService pool = Executors.newFixedThreadPool(32);
		List<Future<Boolean>> writes = new ArrayList<>();
		for (int i = 0; i < 2000; i++) {
			writes.add(pool.submit(() -> {
				long mine = written.incrementAndGet();
				commits.awaitDurable();
				return durableUpTo.get() >= mine;
			}));
		}
		for (Future<Boolean> write : writes) {
			assertThat(write.get(30, TimeUnit.SECONDS)).as("durable when acknowledged").isTrue();
		}
		pool.shutdownNow();
		assertThat(flushes.get()).isLessThan(2000 / 4);
	}

	@Test
	void aFailedFlushFailsItsWritersAndIsReportedUntilOneSucceeds() {
		AtomicInteger calls = new AtomicInteger();
		GroupCommit commits = new GroupCommit(() -> {
			if (calls.incrementAndGet() == 1) {
				throw new IllegalStateException("No space left on device");
			}
		});
		assertThatThrownBy(commits::awaitDurable).isInstanceOf(GroupCommit.NotDurableException.class)
			.hasMessageContaining("No space left on device");
		assertThat(commits.failure()).isPresent();
		commits.awaitDurable();
		assertThat(commits.failure()).isEmpty();
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}
