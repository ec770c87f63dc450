package com.healthconnect.appointment;

import jakarta.validation.constraints.Size;

/** {@code POST /api/appointments/{id}/cancel}; the body is optional. */
public record CancelRequest(@Size(max = 1000) String reason) {
}
