package com.healthconnect.doctor;

import java.util.List;

/** A doctor's public page: the directory entry plus the weekly schedule. */
public record DoctorDetail(String id, String name, String specialization, String qualification, int experience,
		String about, String profileImage, String timeZone, Rating rating, List<ScheduleDay> schedule,
		int minimumNoticeMinutes, int cancellationWindowHours) {
}
