package com.healthconnect.audit;

import java.time.Instant;

/** One line of a record's access log: {@code {actor: {id, name, role}, action, at}}. */
public record AuditEntry(Actor actor, String action, Instant at) {
}
