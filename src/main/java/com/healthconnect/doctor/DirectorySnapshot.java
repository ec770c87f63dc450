package com.healthconnect.doctor;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterDeleteEvent;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import com.healthconnect.doctor.internal.Doctor;

/**
 * The listing fields of every doctor, in directory order, held in memory so that a search is a filter over a list
 * rather than a collection scan: no index can serve the directory's substring match, and the embedded server scans
 * and encodes every document for each query (about 40 searches a second over 1,000 doctors on the bench machine).
 * <p>
 * Dropped after every local write to a doctor (saves and deletes through Spring Data's events, rating increments by
 * {@link DoctorDirectory#addRating}), so the next search loads it afresh and sees the write. For writes made outside
 * this process it is reloaded once it is {@link #MAX_AGE} old, in the background: searches meanwhile get the one they
 * have, so no search waits for the reload (every few seconds at 2,000 searches a second, a reload under the lock held
 * up a hundred searches for tens of milliseconds). A load that raced a write is used for the request that made it but
 * not kept.
 */
@Component
class DirectorySnapshot extends AbstractMongoEventListener<Doctor> implements DisposableBean {

	/** How stale the directory may be after a write made by another instance or directly in the database. */
	static final Duration MAX_AGE = Duration.ofSeconds(5);

	private static final Logger log = LoggerFactory.getLogger(DirectorySnapshot.class);

	private final MongoTemplate mongo;
	private final long maxAgeNanos;
	private final AtomicLong generation = new AtomicLong();
	private final AtomicBoolean refreshing = new AtomicBoolean();
	private final ExecutorService refresher = Executors.newSingleThreadExecutor(runnable -> {
		Thread thread = new Thread(runnable, "directory-refresh");
		thread.setDaemon(true);
		return thread;
	});
	private volatile Loaded current;

	@Autowired
	DirectorySnapshot(MongoTemplate mongo) {
		this(mongo, MAX_AGE);
	}

	DirectorySnapshot(MongoTemplate mongo, Duration maxAge) {
		this.mongo = mongo;
		this.maxAgeNanos = maxAge.toNanos();
	}

	/** Every doctor's listing fields, sorted by name key then id. Immutable. */
	List<Doctor> doctors() {
		Loaded loaded = current;
		if (loaded == null) {
			return reload();
		}
		if (!fresh(loaded) && refreshing.compareAndSet(false, true)) {
			try {
				refresher.execute(this::refresh);
			}
			catch (RejectedExecutionException shuttingDown) {
				refreshing.set(false);
			}
		}
		return loaded.doctors;
	}

	private void refresh() {
		try {
			reload();
		}
		catch (RuntimeException ex) {
			log.warn("Reloading the doctor directory failed; searches keep the one they have: {}", ex.toString());
		}
		finally {
			refreshing.set(false);
		}
	}

	private boolean fresh(Loaded loaded) {
		return System.nanoTime() - loaded.at < maxAgeNanos;
	}

	void invalidate() {
		generation.incrementAndGet();
		current = null;
	}

	@Override
	public void onAfterSave(AfterSaveEvent<Doctor> event) {
		invalidate();
	}

	@Override
	public void onAfterDelete(AfterDeleteEvent<Doctor> event) {
		invalidate();
	}

	@Override
	public void destroy() {
		refresher.shutdownNow();
	}

	private synchronized List<Doctor> reload() {
		Loaded loaded = current;
		if (loaded != null && fresh(loaded)) {
			return loaded.doctors; // another request just loaded it
		}
		long before = generation.get();
		long at = System.nanoTime();
		Query query = new Query().with(Sort.by("nameKey", "_id"));
		// a listing needs neither the credentials nor the weekly schedule: leave them in the database
		query.fields().exclude("passwordHash", "schedule", "email", "contactNumber");
		List<Doctor> doctors = List.copyOf(mongo.find(query, Doctor.class));
		if (generation.get() == before) {
			current = new Loaded(doctors, at);
		}
		return doctors;
	}

	private record Loaded(List<Doctor> doctors, long at) {
	}
}
