package com.healthconnect.appointment;

import java.util.List;

import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import com.healthconnect.auth.CurrentUser;

/**
 * A doctor and a patient are connected while they share an appointment that is pending, scheduled or completed.
 * Only connected users may chat, call, or (doctor) read the other's medical profile; messaging and calls ask here.
 */
@Service
public class Connections {

	static final List<String> CONNECTING_STATUSES = List.of("pending", "scheduled", "completed");
	static final String COLLECTION = "appointments";

	private final MongoTemplate mongo;

	Connections(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** Whether the two users (in either order) are a connected doctor and patient. */
	public boolean areConnected(String userA, String userB) {
		if (userA == null || userB == null || userA.equals(userB)) {
			return false;
		}
		Criteria pair = new Criteria().orOperator(
				Criteria.where("doctorId").is(userA).and("patientId").is(userB),
				Criteria.where("doctorId").is(userB).and("patientId").is(userA));
		return mongo.exists(Query.query(new Criteria().andOperator(pair,
				Criteria.where("status").in(CONNECTING_STATUSES))), COLLECTION);
	}

	/**
	 * Whether the appointment is one between these two users (in either order) that connects them: a call may name
	 * only such an appointment as the visit it is.
	 */
	public boolean isBetween(String appointmentId, String userA, String userB) {
		if (appointmentId == null || !ObjectId.isValid(appointmentId) || userA == null || userB == null) {
			return false;
		}
		Criteria pair = new Criteria().orOperator(
				Criteria.where("doctorId").is(userA).and("patientId").is(userB),
				Criteria.where("doctorId").is(userB).and("patientId").is(userA));
		Criteria appointment = Criteria.where("_id").is(new ObjectId(appointmentId));
		return mongo.exists(Query.query(new Criteria().andOperator(appointment, pair,
				Criteria.where("status").in(CONNECTING_STATUSES))), COLLECTION);
	}

	/** The ids of everyone connected to this user: a doctor's patients or a patient's doctors. */
	public List<String> counterparts(CurrentUser user) {
		String own = user.isDoctor() ? "doctorId" : "patientId";
		String other = user.isDoctor() ? "patientId" : "doctorId";
		return mongo.findDistinct(
				Query.query(Criteria.where(own).is(user.id()).and("status").in(CONNECTING_STATUSES)), other,
				COLLECTION, String.class);
	}
}
