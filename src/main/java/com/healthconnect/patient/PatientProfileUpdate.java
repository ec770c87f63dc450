package com.healthconnect.patient;

import java.time.LocalDate;
import java.util.List;

import com.healthconnect.auth.TimeZoneId;
import com.healthconnect.platform.ImageReference;
import com.healthconnect.platform.OneLine;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The fields a patient may change on their own profile; a field left out (or null) stays as it is, and any field
 * not listed here is refused with 400.
 */
public record PatientProfileUpdate(@OneLine @Size(min = 1, max = 100) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
		@Past LocalDate dateOfBirth, @Size(max = 40) String gender,
		@Pattern(regexp = "^((A|B|AB|O)[+-])?$", message = "must be one of A+ A- B+ B- AB+ AB- O+ O-") String bloodGroup,
		@Size(max = 50) List<@NotBlank @Size(max = 200) String> allergies,
		@Size(max = 5) List<@NotNull @Valid EmergencyContact> emergencyContact, @ImageReference String profileImage,
		@TimeZoneId String timeZone) {
}
