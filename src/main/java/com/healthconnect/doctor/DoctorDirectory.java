package com.healthconnect.doctor;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bson.types.ObjectId;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import com.healthconnect.doctor.internal.Doctor;
import com.healthconnect.doctor.internal.DoctorMapper;
import com.healthconnect.platform.DomainException;
import com.healthconnect.platform.Pages;

/**
 * The public side of the doctor module: the directory anyone may browse, and what other modules need to know about
 * a doctor (a summary, their slots on a date, their rating).
 */
@Service
public class DoctorDirectory {

	private final MongoTemplate mongo;
	private final DirectorySnapshot snapshot;
	private final DoctorCache cache;

	DoctorDirectory(MongoTemplate mongo, DirectorySnapshot snapshot, DoctorCache cache) {
		this.mongo = mongo;
		this.snapshot = snapshot;
		this.cache = cache;
	}

	/**
	 * {@code q} matches name or specialization case-insensitively; {@code specialization} must match exactly (any
	 * case). Filtered in memory over the {@link DirectorySnapshot}, in the order the database query used: name, then id.
	 */
	public Pages<DoctorListing> search(String q, String specialization, Integer page, Integer size) {
		PageRequest request = Pages.request(page, size, Sort.by("nameKey", "_id"));
		String speciality = specialization != null && !specialization.isBlank() ? key(specialization) : null;
		String term = q != null && !q.isBlank() ? key(q) : null;
		List<Doctor> matching = snapshot.doctors().stream()
			.filter(Doctor::isListed)
			.filter(d -> speciality == null || speciality.equals(d.getSpecializationKey()))
			.filter(d -> term == null || contains(d.getNameKey(), term) || contains(d.getSpecializationKey(), term))
			.toList();
		int from = (int) Math.min(request.getOffset(), matching.size());
		int to = Math.min(from + request.getPageSize(), matching.size());
		return Pages.of(new PageImpl<>(matching.subList(from, to), request, matching.size()), DoctorMapper::listing);
	}

	private static boolean contains(String value, String term) {
		return value != null && value.contains(term);
	}

	/** Every specialization once (case-insensitively), sorted. */
	public List<String> specializations() {
		Query listed = Query.query(Criteria.where("verification").nin(Verification.PENDING, Verification.REJECTED));
		List<String> all = mongo.findDistinct(listed, "specialization", Doctor.class, String.class);
		Map<String, String> byKey = new TreeMap<>();
		all.stream().filter(s -> s != null && !s.isBlank()).sorted().forEach(s -> byKey.putIfAbsent(key(s), s));
		return byKey.values().stream().sorted(String.CASE_INSENSITIVE_ORDER).toList();
	}

	public DoctorDetail detail(String doctorId) {
		return DoctorMapper.detail(load(doctorId));
	}

	/** A listed doctor's summary; empty for an unknown doctor and one not (yet) verified. */
	public Optional<DoctorSummary> summary(String doctorId) {
		return find(doctorId).filter(Doctor::isListed).map(DoctorMapper::summary);
	}

	/** Summaries by id, for lists; ids with no doctor are left out. */
	public Map<String, DoctorSummary> summaries(Collection<String> doctorIds) {
		return cache.findAll(doctorIds).stream().map(DoctorMapper::summary)
			.collect(Collectors.toMap(DoctorSummary::id, Function.identity()));
	}

	/** The doctor's scheduled slots on a date in their own zone, placed on the calendar; 404 for an unknown doctor. */
	public DaySlots slotsOn(String doctorId, LocalDate date) {
		Doctor doctor = load(doctorId);
		ZoneId zone = ZoneId.of(doctor.getTimeZone());
		return new DaySlots(doctor.getId(), doctor.getTimeZone(), date,
				SlotCalendar.slotsOn(doctor.getSchedule(), zone, date), doctor.isOffOn(date), doctor.policy());
	}

	/** The doctor's booking policy; the defaults for an unknown doctor (whose appointments still render). */
	public BookingPolicy policy(String doctorId) {
		return find(doctorId).map(Doctor::policy).orElse(BookingPolicy.DEFAULT);
	}

	/** Policies by doctor id, for lists. */
	public Map<String, BookingPolicy> policies(Collection<String> doctorIds) {
		return cache.findAll(doctorIds).stream().collect(Collectors.toMap(Doctor::getId, Doctor::policy));
	}

	/**
	 * Adds one review's stars to the doctor's rating with an atomic {@code $inc}, so concurrent reviews never lose one.
	 * The version moves too, so a profile save that read the old rating fails instead of writing it back.
	 */
	public void addRating(String doctorId, int stars) {
		mongo.updateFirst(Query.query(Criteria.where("_id").is(new ObjectId(doctorId))),
				new Update().inc("ratingSum", stars).inc("ratingCount", 1).inc("version", 1), Doctor.class);
		snapshot.invalidate(); // the listing shows the rating
		cache.evict(doctorId);
	}

	private Optional<Doctor> find(String doctorId) {
		return cache.find(doctorId);
	}

	/** Unverified doctors are not found here: not in the directory, no slots, not bookable. */
	private Doctor load(String doctorId) {
		return find(doctorId).filter(Doctor::isListed).orElseThrow(() -> DomainException.notFound("No such doctor"));
	}

	private static String key(String value) {
		return value.strip().toLowerCase(Locale.ROOT);
	}
}
