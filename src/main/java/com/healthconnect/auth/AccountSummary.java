package com.healthconnect.auth;

/** An account as operators manage it: who it is and whether it is disabled. */
public record AccountSummary(String id, Role role, String name, String email, boolean disabled) {
}
