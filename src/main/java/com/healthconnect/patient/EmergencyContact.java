package com.healthconnect.patient;

import com.healthconnect.platform.OneLine;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record EmergencyContact(@OneLine @NotBlank @Size(max = 100) String name, @OneLine @Size(max = 60) String relationship,
		@NotBlank @Size(max = 40) @Pattern(regexp = "^[+0-9 ()-]+$", message = "may contain digits, spaces and + ( ) - only") String phone) {
}
