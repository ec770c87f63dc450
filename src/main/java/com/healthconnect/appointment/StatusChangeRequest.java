package com.healthconnect.appointment;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code PATCH /api/appointments/{id}/status}; {@code notes} are the doctor's visit notes. */
public record StatusChangeRequest(@NotNull String status, @Size(max = 1000) String comment,
		@Size(max = 10000) String notes) {
}
