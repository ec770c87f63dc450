package com.healthconnect.platform.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * What a JSON request may hold, for every body the app reads (HTTP and STOMP alike): a string field takes a JSON
 * string only (no number or boolean turned into text) without control characters other than tab and line breaks,
 * bidi embeddings, overrides and isolates, or unpaired surrogates (names are shown to other users, and such
 * characters make text read differently from what it is); a date is exactly {@code YYYY-MM-DD} (no day numbers, no
 * five-digit years).
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

	/** Why a string was refused; the problem detail says it, without echoing the text. */
	static final String UNSAFE_TEXT = "contains a control, bidi-override or unpaired surrogate character";
	static final String NOT_A_DATE = "must be a date as YYYY-MM-DD";

	@Bean
	JacksonModule strictJsonModule() {
		return new SimpleModule("health-connect-strict").addDeserializer(String.class, new SafeText())
			.addDeserializer(LocalDate.class, new IsoDate());
	}

	/** Whether the text may be stored and shown: see the class comment. */
	static boolean isSafeText(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c)) {
				if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
					i++;
					continue;
				}
				return false;
			}
			if (Character.isLowSurrogate(c) || (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f
					|| (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) {
				return false;
			}
		}
		return true;
	}

	static final class SafeText extends StdScalarDeserializer<String> {

		SafeText() {
			super(String.class);
		}

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) {
			if (parser.currentToken() != JsonToken.VALUE_STRING) {
				return (String) context.handleUnexpectedToken(String.class, parser);
			}
			String text = parser.getString();
			if (!isSafeText(text)) {
				return (String) context.handleWeirdStringValue(String.class, text, UNSAFE_TEXT);
			}
			return text;
		}
	}

	static final class IsoDate extends StdScalarDeserializer<LocalDate> {

		private static final Pattern SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
		private static final DateTimeFormatter STRICT = DateTimeFormatter.ofPattern("uuuu-MM-dd")
			.withResolverStyle(ResolverStyle.STRICT);

		IsoDate() {
			super(LocalDate.class);
		}

		@Override
		public LocalDate deserialize(JsonParser parser, DeserializationContext context) {
			if (parser.currentToken() != JsonToken.VALUE_STRING) {
				return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
			}
			String text = parser.getString();
			if (SHAPE.matcher(text).matches()) {
				try {
					return LocalDate.parse(text, STRICT);
				}
				catch (DateTimeParseException ignored) {
					// 2026-02-30 and the like: refused below
				}
			}
			return (LocalDate) context.handleWeirdStringValue(LocalDate.class, text, NOT_A_DATE);
		}
	}
}
