package com.healthconnect.appointment.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.bson.types.ObjectId;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import com.healthconnect.appointment.AppointmentStatus;
import com.healthconnect.platform.DomainException;

/**
 * The appointments collection: its indexes (created here, at startup) and the few queries and writes the booking
 * service needs. Writes translate the unique holds into the contract's 409s.
 */
@Component
public class AppointmentStore implements InitializingBean {

	static final String SLOT_HOLD_INDEX = "slot_hold_unique";
	static final String PATIENT_HOLD_INDEX = "patient_hold_unique";
	private static final List<String> HOLDING = AppointmentStatus.HOLDING.stream().map(AppointmentStatus::json).toList();

	private final MongoTemplate mongo;

	AppointmentStore(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public void afterPropertiesSet() {
		var indexes = mongo.indexOps(Appointment.class);
		indexes.createIndex(new Index().on("slotHold", Direction.ASC).unique().named(SLOT_HOLD_INDEX));
		indexes.createIndex(new Index().on("patientHold", Direction.ASC).unique().named(PATIENT_HOLD_INDEX));
		indexes.createIndex(new Index().on("doctorId", Direction.ASC).on("date", Direction.ASC)
			.on("startTime", Direction.ASC).named("doctor_date_start"));
		indexes.createIndex(new Index().on("patientId", Direction.ASC).on("date", Direction.ASC)
			.on("startTime", Direction.ASC).named("patient_date_start"));
		indexes.createIndex(new Index().on("status", Direction.ASC).on("date", Direction.ASC).named("status_date"));
		indexes.createIndex(new Index().on("doctorId", Direction.ASC).on("startsAt", Direction.ASC).named("doctor_starts"));
		indexes.createIndex(new Index().on("patientId", Direction.ASC).on("startsAt", Direction.ASC).named("patient_starts"));
		indexes.createIndex(new Index().on("status", Direction.ASC).on("startsAt", Direction.ASC).named("status_starts"));
	}

	public Optional<Appointment> find(String id) {
		return id != null && ObjectId.isValid(id) ? Optional.ofNullable(mongo.findById(id, Appointment.class))
				: Optional.empty();
	}

	/** Inserts a new booking; the unique holds make this the one place a race for a slot is decided. */
	public Appointment insert(Appointment appointment) {
		try {
			return mongo.insert(appointment);
		}
		catch (DuplicateKeyException ex) {
			throw conflict(ex);
		}
	}

	/** Saves a change under optimistic locking: a concurrent change to the same appointment is a 409, not lost. */
	public Appointment save(Appointment appointment) {
		try {
			return mongo.save(appointment);
		}
		catch (DuplicateKeyException ex) {
			throw conflict(ex);
		}
		catch (OptimisticLockingFailureException ex) {
			throw DomainException.conflict("The appointment was changed meanwhile; reload it and try again");
		}
	}

	/** Appointments of this doctor ({@code doctorId}) or patient ({@code patientId}) holding time in [from, to). */
	public List<Appointment> holdingBetween(String party, String partyId, Instant from, Instant to, String exceptId) {
		Criteria criteria = Criteria.where(party).is(partyId).and("status").in(HOLDING).and("startsAt").lt(to)
			.and("endsAt").gt(from);
		if (exceptId != null) {
			criteria = criteria.and("_id").ne(new ObjectId(exceptId));
		}
		return mongo.find(Query.query(criteria), Appointment.class);
	}

	/**
	 * Writes the change only if nobody changed the appointment since it was read (its version): the claim that lets
	 * several instances run the same job without doing one change twice. False when another got there first.
	 */
	public boolean saveIfUnchanged(Appointment appointment) {
		try {
			mongo.save(appointment);
			return true;
		}
		catch (OptimisticLockingFailureException ex) {
			return false;
		}
	}

	public List<Appointment> waitingFor(String doctorId) {
		return mongo.find(Query.query(Criteria.where("doctorId").is(doctorId).and("status")
			.is(AppointmentStatus.SCHEDULED.json()).and("checkedInAt").ne(null)).with(Sort.by("startsAt", "_id")),
				Appointment.class);
	}

	public List<Appointment> pendingStartedBy(Instant now) {
		return mongo.find(Query.query(Criteria.where("status").is(AppointmentStatus.PENDING.json()).and("startsAt")
			.lte(now)).limit(500), Appointment.class);
	}

	/** Scheduled appointments starting in (from, to]. */
	public List<Appointment> scheduledStartingBetween(Instant from, Instant to) {
		return mongo.find(Query.query(Criteria.where("status").is(AppointmentStatus.SCHEDULED.json()).and("startsAt")
			.gt(from).lte(to)), Appointment.class);
	}

	public List<Appointment> activeOfDoctorFrom(String doctorId, Instant from) {
		return mongo.find(Query.query(Criteria.where("doctorId").is(doctorId).and("status")
			.in(AppointmentStatus.PENDING.json(), AppointmentStatus.SCHEDULED.json()).and("startsAt").gte(from))
			.with(Sort.by("startsAt", "_id")), Appointment.class);
	}

	/** Every appointment of one participant, however many (the data export, deleting an account). */
	public List<Appointment> everyOf(String party, String partyId) {
		return mongo.find(Query.query(Criteria.where(party).is(partyId)).with(Sort.by("startsAt", "_id")),
				Appointment.class);
	}

	/** Every appointment of one participant, for a calendar feed. */
	public List<Appointment> allOf(String party, String partyId) {
		return mongo.find(Query.query(Criteria.where(party).is(partyId)).with(Sort.by("startsAt", "_id")).limit(2000),
				Appointment.class);
	}

	public PageImpl<Appointment> reviewsOf(String doctorId, PageRequest request) {
		return page(Criteria.where("doctorId").is(doctorId).and("rating").ne(null).and("review").nin(null, ""),
				request);
	}

	public PageImpl<Appointment> page(Criteria criteria, PageRequest request) {
		Query query = Query.query(criteria);
		long total = mongo.count(query, Appointment.class);
		return new PageImpl<>(mongo.find(Query.of(query).with(request), Appointment.class), request, total);
	}

	private static DomainException conflict(DuplicateKeyException ex) {
		String message = String.valueOf(ex.getMostSpecificCause().getMessage());
		if (message.contains(PATIENT_HOLD_INDEX) || message.contains("patientHold")) {
			return DomainException.conflict("You already have an appointment at that time");
		}
		return DomainException.conflict("This slot is already booked");
	}
}
