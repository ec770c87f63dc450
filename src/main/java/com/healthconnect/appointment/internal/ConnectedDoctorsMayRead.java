package com.healthconnect.appointment.internal;

import org.springframework.stereotype.Component;

import com.healthconnect.appointment.Connections;
import com.healthconnect.auth.CurrentUser;
import com.healthconnect.patient.RecordAccessPolicy;

/** A doctor may read a patient's record while they are connected through an appointment. */
@Component
class ConnectedDoctorsMayRead implements RecordAccessPolicy {

	private final Connections connections;

	ConnectedDoctorsMayRead(Connections connections) {
		this.connections = connections;
	}

	@Override
	public boolean mayRead(CurrentUser reader, String patientId) {
		return reader.isDoctor() && connections.areConnected(reader.id(), patientId);
	}
}
