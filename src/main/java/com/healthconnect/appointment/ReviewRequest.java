package com.healthconnect.appointment;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code POST /api/appointments/{id}/review}: 1 to 5 stars and an optional text. */
public record ReviewRequest(@NotNull @Min(1) @Max(5) Integer rating, @Size(max = 2000) String review) {
}
