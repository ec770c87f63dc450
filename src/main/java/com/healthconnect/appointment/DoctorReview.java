package com.healthconnect.appointment;

import java.time.Instant;

/** One review as a doctor's public page shows it: the patient by first name and initial only. */
public record DoctorReview(int rating, String review, Instant createdAt, Reviewer patient) {

	public record Reviewer(String name) {
	}

	/** "Ada Lovelace" → "Ada L."; a single name stays as it is. */
	static String shortName(String name) {
		if (name == null || name.isBlank()) {
			return "A patient";
		}
		String[] parts = name.strip().split("\\s+");
		if (parts.length == 1) {
			return parts[0];
		}
		return parts[0] + " " + parts[parts.length - 1].substring(0, 1).toUpperCase(java.util.Locale.ROOT) + ".";
	}
}
