package com.healthconnect.patient;

import org.bson.types.ObjectId;
import org.springframework.stereotype.Service;

import com.healthconnect.audit.Actor;
import com.healthconnect.audit.AuditAction;
import com.healthconnect.audit.AuditEntry;
import com.healthconnect.audit.AuditLog;
import com.healthconnect.auth.CurrentUser;
import com.healthconnect.doctor.DoctorDirectory;
import com.healthconnect.doctor.DoctorSummary;
import com.healthconnect.platform.DomainException;
import com.healthconnect.platform.Pages;

/**
 * Reading a patient's medical profile as someone else, and the patient's view of who did. Every such read is
 * written to the audit log before the profile is returned.
 */
@Service
public class PatientRecords {

	static final String RECORD_TYPE = "patient";

	private final PatientProfiles profiles;
	private final RecordAccessPolicy policy;
	private final AuditLog audit;
	private final DoctorDirectory doctors;

	PatientRecords(PatientProfiles profiles, RecordAccessPolicy policy, AuditLog audit, DoctorDirectory doctors) {
		this.profiles = profiles;
		this.policy = policy;
		this.audit = audit;
		this.doctors = doctors;
	}

	/** 404 both for an unknown patient and for one the reader may not see: the two look the same from outside. */
	public PatientView read(CurrentUser reader, String patientId) {
		if (patientId == null || !ObjectId.isValid(patientId) || !reader.isDoctor()
				|| !policy.mayRead(reader, patientId)) {
			throw DomainException.notFound("No such patient");
		}
		PatientView record = profiles.get(patientId);
		String name = doctors.summary(reader.id()).map(DoctorSummary::name).orElse(null);
		audit.record(new Actor(reader.id(), name, reader.role()), AuditAction.PATIENT_RECORD_READ, patientId,
				RECORD_TYPE, patientId);
		return record;
	}

	/** Who read or wrote this patient's records, newest first. */
	public Pages<AuditEntry> accessLog(CurrentUser patient, Integer page, Integer size) {
		return audit.about(patient.id(), page, size);
	}
}
