package com.healthconnect.call.internal;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One finished call in the {@code calls} collection, written once when the call ends; {@code appointmentId} when it
 * was the visit of an appointment (the doctor admitted the patient from the waiting room).
 */
@Document("calls")
public record CallRecord(@Id String id, String callerId, String calleeId, String mode, Instant startedAt,
		Instant answeredAt, Instant endedAt, CallOutcome outcome, String appointmentId) {
}
