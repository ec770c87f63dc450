package com.healthconnect.platform.mongo;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Makes writes durable before they are acknowledged, with one flush shared by every writer that asks while the
 * previous flush runs (group commit). A writer's changes are in memory when it asks, so it needs a flush that starts
 * after its call: the first writer to find no flush running does it itself, and those arriving meanwhile wait for the
 * next one, which covers all of them at once. No thread of its own; a failed flush fails every writer it covered.
 * <p>
 * Hand-written because nothing in the stack offers it: mongo-java-server's H2 backend only commits on a 1 s timer, which
 * lost every write acknowledged in the last second before a {@code kill -9} (issue 12), and a flush per write would
 * serialise all writers behind the disk.
 */
final class GroupCommit {

	/** Writes everything changed so far to stable storage, or throws. */
	interface Flush {
		void run();
	}

	private final Flush flush;
	private final ReentrantLock lock = new ReentrantLock();
	private final Condition finished = lock.newCondition();
	private long started; // guarded by lock
	private long completed; // guarded by lock
	private boolean running; // guarded by lock
	private volatile Failure lastFailure; // null once a later flush succeeded

	GroupCommit(Flush flush) {
		this.flush = flush;
	}

	/** Returns once everything written before this call is durable; throws if the flush that covers it failed. */
	void awaitDurable() {
		lock.lock();
		try {
			long needed = started + 1;
			while (completed < needed) {
				if (running) {
					finished.awaitUninterruptibly();
					continue;
				}
				long round = ++started;
				running = true;
				lock.unlock();
				RuntimeException failure = null;
				try {
					flush.run();
				}
				catch (RuntimeException ex) {
					failure = ex;
				}
				finally {
					lock.lock();
					running = false;
					completed = round;
					lastFailure = failure == null ? null : new Failure(round, Instant.now(), failure);
					finished.signalAll();
				}
			}
			// flushes are cumulative: the newest finished one decides for everything written before it started
			Failure failure = lastFailure;
			if (failure != null && failure.round() == completed) {
				throw new NotDurableException(failure.cause());
			}
		}
		finally {
			lock.unlock();
		}
	}

	/** The newest flush's failure, while no later flush has succeeded. */
	Optional<Failure> failure() {
		return Optional.ofNullable(lastFailure);
	}

	record Failure(long round, Instant at, RuntimeException cause) {
	}

	/** A write that was applied in memory but could not be made durable, so it must not be acknowledged. */
	static final class NotDurableException extends RuntimeException {

		NotDurableException(Throwable cause) {
			super("The write could not be made durable: " + cause.getMessage(), cause);
		}
	}
}
