package com.healthconnect.doctor;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

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
 * {@link DoctorDirectory#addRating}) and, for writes made outside this process, after {@link #MAX_AGE_NANOS} at most.
 * A load that raced a write is used for the request that made it but not kept.
 */
@Component
class DirectorySnapshot extends AbstractMongoEventListener<Doctor> {

	/** How stale the directory may be after a write made by another instance or directly in the database. */
	static final long MAX_AGE_NANOS = 5_000_000_000L;

	private final MongoTemplate mongo;
	private final AtomicLong generation = new AtomicLong();
	private volatile Loaded current;

	DirectorySnapshot(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** Every doctor's listing fields, sorted by name key then id. Immutable. */
	List<Doctor> doctors() {
		Loaded loaded = current;
		if (loaded != null && System.nanoTime() - loaded.at < MAX_AGE_NANOS) {
			return loaded.doctors;
		}
		return reload();
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

	private synchronized List<Doctor> reload() {
		Loaded loaded = current;
		if (loaded != null && System.nanoTime() - loaded.at < MAX_AGE_NANOS) {
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
