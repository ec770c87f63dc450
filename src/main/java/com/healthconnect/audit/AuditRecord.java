package com.healthconnect.audit;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import com.healthconnect.auth.Role;

/**
 * One stored audit line. {@code subjectId} is whose data it was (the patient), {@code recordType}/{@code recordId}
 * which record exactly (their profile, or one appointment's notes).
 */
@Document(AuditLog.COLLECTION)
record AuditRecord(@Id String id, String subjectId, String recordType, String recordId, String actorId,
		String actorName, Role actorRole, String action, Instant at) {
}
