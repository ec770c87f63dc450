package com.healthconnect.doctor;

/** The few doctor fields other records (an appointment, an audit entry) show. */
public record DoctorSummary(String id, String name, String specialization, String profileImage) {

	/** Stands in for a doctor whose account no longer exists, so old records still render. */
	public static DoctorSummary unknown(String id) {
		return new DoctorSummary(id, "Unknown doctor", null, null);
	}
}
