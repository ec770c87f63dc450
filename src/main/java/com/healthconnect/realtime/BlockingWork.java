package com.healthconnect.realtime;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import com.healthconnect.realtime.internal.RealtimeProperties;

/**
 * Where blocking work (MongoDB writes, lookups) triggered by socket frames and socket events runs, so the threads that
 * read and write the sockets never wait on I/O. Virtual threads when the JVM has them (Java 21+, detected at runtime
 * since the bytecode targets 17), a bounded platform pool otherwise; either way at most
 * {@code healthconnect.realtime.blocking.max-in-flight} tasks at once, beyond which work is refused rather than
 * queued without end.
 */
@Component
public class BlockingWork implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(BlockingWork.class);
	private static final String SERIAL_QUEUE = BlockingWork.class.getName() + ".serial";
	private static final int MAX_QUEUED_PER_SESSION = 256;

	private final ExecutorService executor;
	private final Semaphore inFlight;
	private final boolean virtualThreads;

	BlockingWork(RealtimeProperties properties) {
		RealtimeProperties.Blocking blocking = properties.blocking();
		ExecutorService virtual = blocking.virtualThreads() ? virtualThreadExecutor() : null;
		this.virtualThreads = virtual != null;
		if (virtual != null) {
			this.executor = virtual;
		}
		else {
			AtomicInteger count = new AtomicInteger();
			ThreadPoolExecutor pool = new ThreadPoolExecutor(blocking.threads(), blocking.threads(), 60,
					TimeUnit.SECONDS, new ArrayBlockingQueue<>(blocking.maxInFlight()), runnable -> {
						Thread thread = new Thread(runnable, "realtime-blocking-" + count.incrementAndGet());
						thread.setDaemon(true);
						return thread;
					});
			pool.allowCoreThreadTimeOut(true);
			this.executor = pool;
		}
		this.inFlight = new Semaphore(blocking.maxInFlight());
		log.info("Realtime blocking work runs on {}", virtualThreads ? "virtual threads"
				: "a pool of " + blocking.threads() + " platform threads");
	}

	public boolean usesVirtualThreads() {
		return virtualThreads;
	}

	/** Runs the task soon; throws {@link RejectedExecutionException} when too much work is already in flight. */
	public void execute(Runnable task) {
		if (!inFlight.tryAcquire()) {
			throw new RejectedExecutionException("The server is busy; try again in a moment");
		}
		try {
			executor.execute(() -> {
				try {
					task.run();
				}
				catch (RuntimeException ex) {
					log.error("Realtime background task failed", ex);
				}
				finally {
					inFlight.release();
				}
			});
		}
		catch (RejectedExecutionException ex) {
			inFlight.release();
			throw ex;
		}
	}

	/**
	 * Runs the task after the ones submitted before it for the same socket session, so a client's chat messages are
	 * stored in the order it sent them.
	 */
	public void executeInOrder(Map<String, Object> sessionAttributes, Runnable task) {
		if (sessionAttributes == null) {
			execute(task);
			return;
		}
		((SerialQueue) sessionAttributes.computeIfAbsent(SERIAL_QUEUE, key -> new SerialQueue())).submit(task);
	}

	@Override
	public void destroy() {
		executor.shutdown();
	}

	private static ExecutorService virtualThreadExecutor() {
		if (Runtime.version().feature() < 21) {
			return null;
		}
		try {
			return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			log.warn("Virtual threads unavailable ({}); using a platform thread pool", ex.toString());
			return null;
		}
	}

	/** One session's tasks, run one after another on the shared executor. */
	private final class SerialQueue {

		private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
		private boolean draining;

		void submit(Runnable task) {
			synchronized (this) {
				if (tasks.size() >= MAX_QUEUED_PER_SESSION) {
					throw new RejectedExecutionException("Too many requests from this connection are waiting");
				}
				tasks.add(task);
				if (draining) {
					return;
				}
				draining = true;
			}
			try {
				execute(this::drain);
			}
			catch (RejectedExecutionException ex) {
				synchronized (this) {
					tasks.clear();
					draining = false;
				}
				throw ex;
			}
		}

		private void drain() {
			while (true) {
				Runnable next;
				synchronized (this) {
					next = tasks.poll();
					if (next == null) {
						draining = false;
						return;
					}
				}
				try {
					next.run();
				}
				catch (RuntimeException ex) {
					log.error("Realtime background task failed", ex);
				}
			}
		}
	}
}
