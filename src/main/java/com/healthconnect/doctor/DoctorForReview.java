package com.healthconnect.doctor;

import java.time.Instant;

/** A doctor as operators review them: {@code licenseNumber}, {@code verification}, {@code createdAt}. */
public record DoctorForReview(String id, String name, String email, String specialization, String qualification,
		int experience, String licenseNumber, Verification verification, String rejectionReason, Instant createdAt) {
}
