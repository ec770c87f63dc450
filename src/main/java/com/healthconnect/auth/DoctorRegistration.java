package com.healthconnect.auth;

import com.healthconnect.platform.OneLine;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record DoctorRegistration(@OneLine @NotBlank @Size(max = 100) String name,
		@NotBlank @Email @Size(max = 254) String email, @NotNull @PasswordBytes String password,
		@OneLine @NotBlank @Size(max = 100) String specialization, @OneLine @NotBlank @Size(max = 200) String qualification,
		@NotNull @Min(0) @Max(70) Integer experience, @TimeZoneId String timeZone, @Size(max = 2000) String about,
		@Size(max = 40) @Pattern(regexp = "^[+0-9 ()-]*$", message = "may contain digits, spaces and + ( ) - only") String contactNumber,
		@OneLine @Size(max = 100) String licenseNumber)
		implements Registration {

	@Override
	public Role role() {
		return Role.DOCTOR;
	}
}
