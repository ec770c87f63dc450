package com.healthconnect.patient;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bson.types.ObjectId;
import org.springframework.stereotype.Service;

import com.healthconnect.patient.internal.Patient;
import com.healthconnect.patient.internal.Patients;

/** Names and pictures of patients for other modules' records; never medical data. There is no list of all patients. */
@Service
public class PatientDirectory {

	private final Patients patients;

	PatientDirectory(Patients patients) {
		this.patients = patients;
	}

	public Optional<PatientSummary> summary(String patientId) {
		return patientId != null && ObjectId.isValid(patientId) ? patients.findById(patientId).map(PatientDirectory::summary)
				: Optional.empty();
	}

	/** Summaries by id; ids with no patient are left out. */
	public Map<String, PatientSummary> summaries(Collection<String> patientIds) {
		return patients.findAllById(patientIds.stream().filter(ObjectId::isValid).distinct().toList()).stream()
			.map(PatientDirectory::summary)
			.collect(Collectors.toMap(PatientSummary::id, Function.identity()));
	}

	/** The zone a patient reads times in (for e-mails and reminders); UTC when unknown. */
	public ZoneId timeZone(String patientId) {
		return patientId != null && ObjectId.isValid(patientId)
				? patients.findById(patientId).map(p -> ZoneId.of(p.timeZoneOrUtc())).orElse(ZoneOffset.UTC)
				: ZoneOffset.UTC;
	}

	private static PatientSummary summary(Patient p) {
		return new PatientSummary(p.getId(), p.getName(), p.getProfileImage());
	}
}
