package com.healthconnect.audit;

import com.healthconnect.auth.Role;

/** Who did something, with the name they had at the time. */
public record Actor(String id, String name, Role role) {
}
