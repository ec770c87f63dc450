package com.healthconnect.support;

import java.time.LocalDate;
import java.util.Map;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.healthconnect.appointment.AppointmentEvent;

/**
 * Connects a doctor and a patient the way a booking would, until the booking API exists: one raw appointment document
 * plus the event a booking publishes. Switching to {@code POST /api/appointments} is a change to {@link #connect} only.
 */
public final class Appointments {

	private Appointments() {
	}

	public static String connect(MongoTemplate mongo, ApplicationEventPublisher events, ApiClient doctor,
			ApiClient patient) {
		String id = new ObjectId().toHexString();
		Document appointment = new Document("_id", new ObjectId(id)).append("doctorId", doctor.userId())
			.append("patientId", patient.userId()).append("status", "scheduled")
			.append("date", LocalDate.now().plusDays(1).toString()).append("startTime", "10:00");
		mongo.getCollection("appointments").insertOne(appointment);
		events.publishEvent(new TestAppointmentEvent(doctor.userId(), patient.userId(),
				Map.of("id", id, "status", "scheduled")));
		return id;
	}

	/** Stands in for the appointment module's concrete events. */
	public record TestAppointmentEvent(String doctorId, String patientId, Object appointment)
			implements AppointmentEvent {
	}
}
