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
 * Text shown as one line to other users (names, specializations): no line breaks (CR, LF, NEL, U+2028/U+2029) and no
 * tab. Every JSON string already refuses the other control characters, bidi overrides and lone surrogates
 * ({@code platform/web/StrictJson}); this adds what that check lets through for multi-line text such as a bio, so a
 * name cannot forge a second line in a list, a log or an e-mail header.
 */
@Documented
@Constraint(validatedBy = OneLine.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface OneLine {

	String message() default "must be one line: no line breaks, tabs or other control characters";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<OneLine, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || isOneLine(value);
		}

		/** True when the text holds no control character (C0, DEL, C1) and no Unicode line or paragraph separator. */
		public static boolean isOneLine(String text) {
			for (int i = 0; i < text.length(); i++) {
				int type = Character.getType(text.charAt(i));
				if (type == Character.CONTROL || type == Character.LINE_SEPARATOR
						|| type == Character.PARAGRAPH_SEPARATOR) {
					return false;
				}
			}
			return true;
		}
	}
}
