package com.healthconnect.doctor;

import com.healthconnect.auth.TimeZoneId;
import com.healthconnect.platform.ImageReference;
import com.healthconnect.platform.OneLine;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The fields a doctor may change on their own profile; a field left out (or null) stays as it is, and any field
 * not listed here is refused with 400.
 */
public record DoctorProfileUpdate(@OneLine @Size(min = 1, max = 100) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
		@OneLine @Size(min = 1, max = 100) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String specialization,
		@OneLine @Size(min = 1, max = 200) String qualification, @Min(0) @Max(70) Integer experience,
		@Size(max = 2000) String about,
		@Size(max = 40) @Pattern(regexp = "^[+0-9 ()-]*$", message = "may contain digits, spaces and + ( ) - only") String contactNumber,
		@TimeZoneId String timeZone, @ImageReference String profileImage,
		@Min(0) @Max(10080) Integer minimumNoticeMinutes, @Min(0) @Max(720) Integer cancellationWindowHours) {
}
