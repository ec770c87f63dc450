package com.healthconnect.auth;

import java.time.LocalDate;

import com.healthconnect.platform.OneLine;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record PatientRegistration(@OneLine @NotBlank @Size(max = 100) String name,
		@NotBlank @Email @Size(max = 254) String email, @NotNull @PasswordBytes String password,
		@Past LocalDate dateOfBirth, @Size(max = 40) String gender,
		@Pattern(regexp = "^(A|B|AB|O)[+-]$", message = "must be one of A+ A- B+ B- AB+ AB- O+ O-") String bloodGroup,
		@TimeZoneId String timeZone)
		implements Registration {

	@Override
	public Role role() {
		return Role.PATIENT;
	}
}
