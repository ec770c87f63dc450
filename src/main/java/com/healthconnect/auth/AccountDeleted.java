package com.healthconnect.auth;

/** Published once an account is deleted: its sessions are over and only its tombstone is left. */
public record AccountDeleted(String userId, Role role) {
}
