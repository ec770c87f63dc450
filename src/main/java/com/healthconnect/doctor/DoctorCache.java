package com.healthconnect.doctor;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.types.ObjectId;
import org.springframework.cache.Cache;
import org.springframework.cache.caffeine.CaffeineCache;
import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterDeleteEvent;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.healthconnect.doctor.internal.Doctor;
import com.healthconnect.doctor.internal.Doctors;

/**
 * Doctors by id for the reads other modules make on every request (a booking needs the doctor's summary, schedule
 * and policy; every appointment shown needs a summary and a policy): one database read per doctor and
 * {@link #MAX_AGE} instead of several per request. Read-only copies: writes load their own from the database.
 * <p>
 * Evicted at once by every local write to a doctor (Spring Data's save and delete events, the rating increment);
 * a write made by another instance is seen here once the entry is {@link #MAX_AGE} old, as the directory listing
 * ({@link DirectorySnapshot}) does. Unknown ids are not cached, so a doctor registered elsewhere is found at once.
 */
@Component
class DoctorCache extends AbstractMongoEventListener<Doctor> {

	/** How stale a doctor may be after a write made by another instance or directly in the database. */
	static final Duration MAX_AGE = DirectorySnapshot.MAX_AGE;

	private final Doctors doctors;
	private final Cache cache = new CaffeineCache("doctors",
			Caffeine.newBuilder().expireAfterWrite(MAX_AGE).maximumSize(10_000).build(), false);

	DoctorCache(Doctors doctors) {
		this.doctors = doctors;
	}

	Optional<Doctor> find(String doctorId) {
		if (doctorId == null || !ObjectId.isValid(doctorId)) {
			return Optional.empty();
		}
		Doctor cached = cache.get(doctorId, Doctor.class);
		if (cached != null) {
			return Optional.of(cached);
		}
		Optional<Doctor> loaded = doctors.findById(doctorId);
		loaded.ifPresent(d -> cache.put(doctorId, d));
		return loaded;
	}

	/** The doctors among these ids that exist; one query for those not cached. */
	List<Doctor> findAll(Collection<String> doctorIds) {
		Map<String, Doctor> found = new HashMap<>();
		List<String> missing = new java.util.ArrayList<>();
		for (String id : doctorIds) {
			if (id == null || !ObjectId.isValid(id) || found.containsKey(id)) {
				continue;
			}
			Doctor cached = cache.get(id, Doctor.class);
			if (cached != null) {
				found.put(id, cached);
			}
			else if (!missing.contains(id)) {
				missing.add(id);
			}
		}
		if (!missing.isEmpty()) {
			for (Doctor d : doctors.findAllById(missing)) {
				cache.put(d.getId(), d);
				found.put(d.getId(), d);
			}
		}
		return List.copyOf(found.values());
	}

	void evict(String doctorId) {
		cache.evict(doctorId);
	}

	@Override
	public void onAfterSave(AfterSaveEvent<Doctor> event) {
		evict(event.getSource().getId());
	}

	@Override
	public void onAfterDelete(AfterDeleteEvent<Doctor> event) {
		cache.clear();
	}
}
