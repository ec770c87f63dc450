package com.healthconnect.doctor;

/** A doctor as the public directory lists them. */
public record DoctorListing(String id, String name, String specialization, String qualification, int experience,
		String about, String profileImage, String timeZone, Rating rating, int minimumNoticeMinutes,
		int cancellationWindowHours) {
}
