package com.healthconnect.patient;

import org.springframework.stereotype.Service;

import com.healthconnect.patient.internal.Patient;
import com.healthconnect.patient.internal.PatientMapper;
import com.healthconnect.patient.internal.Patients;
import com.healthconnect.platform.DomainException;

/** A patient's own medical profile. */
@Service
public class PatientProfiles {

	private final Patients patients;

	PatientProfiles(Patients patients) {
		this.patients = patients;
	}

	public PatientView get(String patientId) {
		return PatientMapper.view(load(patientId));
	}

	public PatientView update(String patientId, PatientProfileUpdate update) {
		Patient patient = load(patientId);
		patient.update(update);
		return PatientMapper.view(patients.save(patient));
	}

	private Patient load(String patientId) {
		return patients.findById(patientId).orElseThrow(() -> DomainException.notFound("No such patient"));
	}
}
