package com.healthconnect.audit;

import java.time.Instant;

/** One line of the whole audit log as operators read it: who, what, about whom, which record, when. */
public record AuditLogLine(Actor actor, String action, String subjectId, String recordType, String recordId,
		Instant at) {
}
