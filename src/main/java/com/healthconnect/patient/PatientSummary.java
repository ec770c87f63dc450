package com.healthconnect.patient;

/** The few patient fields other records (an appointment, a doctor's patient list) show: no medical data. */
public record PatientSummary(String id, String name, String profileImage) {

	/** Stands in for a patient whose account no longer exists, so old records still render. */
	public static PatientSummary unknown(String id) {
		return new PatientSummary(id, "Unknown patient", null);
	}
}
