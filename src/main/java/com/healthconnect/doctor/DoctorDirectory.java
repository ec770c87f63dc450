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
import com.healthconnect.doctor.internal.Doctors;
import com.healthconnect.platform.DomainException;
import com.healthconnect.platform.Pages;

/**
 * The public side of the doctor module: the directory anyone may browse, and what other modules need to know about
 * a doctor (a summary, their slots on a date, their rating).
 */
@Service
public class DoctorDirectory {

	private final Doctors doctors;
	private final MongoTemplate mongo;

	DoctorDirectory(Doctors doctors, MongoTemplate mongo) {
		this.doctors = doctors;
		this.mongo = mongo;
	}

	/** {@code q} matches name or specialization case-insensitively; {@code specialization} must match exactly (any case). */
	public Pages<DoctorListing> search(String q, String specialization, Integer page, Integer size) {
		PageRequest request = Pages.request(page, size, Sort.by("nameKey", "_id"));
		Criteria criteria = new Criteria();
		if (specialization != null && !specialization.isBlank()) {
			criteria = criteria.and("specializationKey").is(key(specialization));
		}
		if (q != null && !q.isBlank()) {
			String pattern = quote(key(q));
			criteria = criteria.orOperator(Criteria.where("nameKey").regex(pattern),
					Criteria.where("specializationKey").regex(pattern));
		}
		Query query = Query.query(criteria);
		Query pageQuery = Query.of(query).with(request);
		// a listing needs neither the credentials nor the weekly schedule: leave them in the database
		pageQuery.fields().exclude("passwordHash", "schedule", "email", "contactNumber");
		List<Doctor> content = mongo.find(pageQuery, Doctor.class);
		// a page that is not full tells the total without a second round trip
		long total = request.getOffset() == 0 && content.size() < request.getPageSize() ? content.size()
				: mongo.count(query, Doctor.class);
		return Pages.of(new PageImpl<>(content, request, total), DoctorMapper::listing);
	}

	/** Every specialization once (case-insensitively), sorted. */
	public List<String> specializations() {
		List<String> all = mongo.findDistinct(new Query(), "specialization", Doctor.class, String.class);
		Map<String, String> byKey = new TreeMap<>();
		all.stream().filter(s -> s != null && !s.isBlank()).sorted().forEach(s -> byKey.putIfAbsent(key(s), s));
		return byKey.values().stream().sorted(String.CASE_INSENSITIVE_ORDER).toList();
	}

	public DoctorDetail detail(String doctorId) {
		return DoctorMapper.detail(load(doctorId));
	}

	public Optional<DoctorSummary> summary(String doctorId) {
		return find(doctorId).map(DoctorMapper::summary);
	}

	/** Summaries by id, for lists; ids with no doctor are left out. */
	public Map<String, DoctorSummary> summaries(Collection<String> doctorIds) {
		List<String> valid = doctorIds.stream().filter(ObjectId::isValid).distinct().toList();
		return doctors.findAllById(valid).stream().map(DoctorMapper::summary)
			.collect(Collectors.toMap(DoctorSummary::id, Function.identity()));
	}

	/** The doctor's scheduled slots on a date in their own zone, placed on the calendar; 404 for an unknown doctor. */
	public DaySlots slotsOn(String doctorId, LocalDate date) {
		Doctor doctor = load(doctorId);
		ZoneId zone = ZoneId.of(doctor.getTimeZone());
		return new DaySlots(doctor.getId(), doctor.getTimeZone(), date,
				SlotCalendar.slotsOn(doctor.getSchedule(), zone, date));
	}

	/**
	 * Adds one review's stars to the doctor's rating with an atomic {@code $inc}, so concurrent reviews never lose one.
	 * The version moves too, so a profile save that read the old rating fails instead of writing it back.
	 */
	public void addRating(String doctorId, int stars) {
		mongo.updateFirst(Query.query(Criteria.where("_id").is(new ObjectId(doctorId))),
				new Update().inc("ratingSum", stars).inc("ratingCount", 1).inc("version", 1), Doctor.class);
	}

	private Optional<Doctor> find(String doctorId) {
		return doctorId != null && ObjectId.isValid(doctorId) ? doctors.findById(doctorId) : Optional.empty();
	}

	private Doctor load(String doctorId) {
		return find(doctorId).orElseThrow(() -> DomainException.notFound("No such doctor"));
	}

	private static String key(String value) {
		return value.strip().toLowerCase(Locale.ROOT);
	}

	/** A literal for a regular expression: user input never becomes a pattern. */
	private static String quote(String literal) {
		return literal.chars().mapToObj(c -> "\\^$.|?*+()[]{}/-".indexOf(c) >= 0 ? "\\" + (char) c
				: String.valueOf((char) c)).collect(Collectors.joining());
	}
}
