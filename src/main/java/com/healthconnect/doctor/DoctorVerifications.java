package com.healthconnect.doctor;

import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import com.healthconnect.doctor.internal.Doctor;
import com.healthconnect.doctor.internal.Doctors;
import com.healthconnect.platform.DomainException;
import com.healthconnect.platform.Pages;

/**
 * Operators vouch for doctors: a newly registered doctor is {@code pending} (not listed, not bookable) until verified.
 * Decisions are published as {@link DoctorVerified} and {@link DoctorRejected}; the notification module tells the
 * doctor (in the app and by e-mail, with a rejection's reason).
 */
@Service
public class DoctorVerifications {

	private final Doctors doctors;
	private final MongoTemplate mongo;
	private final ApplicationEventPublisher events;

	DoctorVerifications(Doctors doctors, MongoTemplate mongo, ApplicationEventPublisher events) {
		this.doctors = doctors;
		this.mongo = mongo;
		this.events = events;
	}

	/** Doctors in this state (all when null), oldest registration first: the queue operators work through. */
	public Pages<DoctorForReview> page(Verification verification, Integer page, Integer size) {
		PageRequest request = Pages.request(page, size, Sort.by(Direction.ASC, "createdAt").and(Sort.by("_id")));
		Query query = new Query();
		if (verification == Verification.VERIFIED) {
			// doctors from before verification existed have none and count as verified
			query.addCriteria(Criteria.where("verification").nin(Verification.PENDING, Verification.REJECTED));
		}
		else if (verification != null) {
			query.addCriteria(Criteria.where("verification").is(verification));
		}
		long total = mongo.count(query, Doctor.class);
		List<Doctor> found = mongo.find(Query.of(query).with(request), Doctor.class);
		return Pages.of(new PageImpl<>(found, request, total), DoctorVerifications::review);
	}

	public DoctorForReview verify(String doctorId, String operatorId) {
		Doctor doctor = load(doctorId);
		doctor.verify();
		Doctor saved = doctors.save(doctor);
		events.publishEvent(new DoctorVerified(doctorId, operatorId));
		return review(saved);
	}

	/** For accounts the platform vouches for itself (the demo doctors). */
	public void verify(String doctorId) {
		verify(doctorId, null);
	}

	public DoctorForReview reject(String doctorId, String operatorId, String reason) {
		Doctor doctor = load(doctorId);
		doctor.reject(reason);
		Doctor saved = doctors.save(doctor);
		events.publishEvent(new DoctorRejected(doctorId, operatorId, reason));
		return review(saved);
	}

	private Doctor load(String doctorId) {
		if (doctorId == null || !org.bson.types.ObjectId.isValid(doctorId)) {
			throw DomainException.notFound("No such doctor");
		}
		return doctors.findById(doctorId).orElseThrow(() -> DomainException.notFound("No such doctor"));
	}

	private static DoctorForReview review(Doctor d) {
		return new DoctorForReview(d.getId(), d.getName(), d.getEmail(), d.getSpecialization(), d.getQualification(),
				d.getExperience(), d.getLicenseNumber(), d.verification(), d.getRejectionReason(), d.getCreatedAt());
	}
}
