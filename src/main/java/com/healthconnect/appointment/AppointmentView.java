package com.healthconnect.appointment;

import java.time.Instant;

import com.healthconnect.doctor.DoctorSummary;
import com.healthconnect.patient.PatientSummary;

/**
 * The appointment JSON. {@code date}, {@code startTime}, {@code endTime} are in the doctor's {@code timeZone} (as it
 * was when booked); {@code startsAt}/{@code endsAt} are the same moments in UTC. {@code comment} is the last remark
 * made by the doctor with a status change; a cancellation's reason is {@code cancellationReason}, and who cancelled is
 * {@code cancelledBy}. {@code cancellationDeadline} is the last moment the patient may cancel or reschedule (the
 * doctor's cancellation window before {@code startsAt}); {@code sequence} grows with every change (ICS {@code SEQUENCE}).
 */
public record AppointmentView(String id, DoctorSummary doctor, PatientSummary patient, String date, String startTime,
		String endTime, Instant startsAt, Instant endsAt, String timeZone, AppointmentStatus status,
		AppointmentMode mode, String reason, String comment, String notes, Integer rating, String review,
		Instant createdAt, Instant updatedAt, String cancelledBy, String cancellationReason, Instant checkedInAt,
		Instant cancellationDeadline, int sequence) {
}
