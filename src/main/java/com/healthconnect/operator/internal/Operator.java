package com.healthconnect.operator.internal;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** An operator's account. Created at start-up or by the demo data, never through sign-up. */
@Document("operators")
public record Operator(@Id String id, String name, String email, String passwordHash, Instant createdAt) {
}
