package com.healthconnect.audit;

/** What was done to a record, written as the access log shows it. */
public final class AuditAction {

	/** A doctor opened a patient's medical profile. */
	public static final String PATIENT_RECORD_READ = "patient-record.read";

	/** A doctor wrote or changed the visit notes of an appointment. */
	public static final String VISIT_NOTES_WRITE = "visit-notes.write";

	private AuditAction() {
	}
}
