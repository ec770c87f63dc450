package com.healthconnect.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * An image URL a profile may point at: our own {@code /api/media/{id}} or an https URL (Cloudinary). Anything else,
 * such as {@code javascript:} or {@code data:} URLs, is refused. An empty string clears the image.
 */
@Documented
@Constraint(validatedBy = ImageReference.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
public @interface ImageReference {

	String message() default "must be an uploaded image: /api/media/{id} or an https URL";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<ImageReference, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || value.isEmpty() || value.matches("^/api/media/[0-9a-fA-F]{24}$")
					|| (value.startsWith("https://") && value.length() <= 2048 && !value.matches(".*[\\s\"'<>].*"));
		}
	}
}
