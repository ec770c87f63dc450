package com.healthconnect.doctor;

/** An operator rejected the doctor's registration, for {@code reason} (which the doctor is told). */
public record DoctorRejected(String doctorId, String operatorId, String reason) {
}
