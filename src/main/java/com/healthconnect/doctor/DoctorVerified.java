package com.healthconnect.doctor;

/** An operator verified the doctor: listed and bookable from now on. */
public record DoctorVerified(String doctorId, String operatorId) {
}
