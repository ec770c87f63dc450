package com.healthconnect.appointment;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.healthconnect.auth.CurrentUser;

/**
 * Appointments as RFC 5545 text: one VEVENT each, {@code UID} fixed per appointment, times in UTC, {@code STATUS}
 * TENTATIVE (pending), CONFIRMED (scheduled, completed) or CANCELLED (cancelled, rejected, expired), and
 * {@code SEQUENCE} from the appointment's change counter, so a calendar app replaces its older copy. The summary names
 * the other participant and the mode; nothing medical (no reason, no notes) goes into a calendar.
 */
public final class CalendarFile {

	static final String CRLF = "\r\n";
	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private CalendarFile() {
	}

	/** One calendar holding the given appointments, as seen by {@code viewer}; {@code appUrl} links back, may be null. */
	public static String of(List<AppointmentView> appointments, CurrentUser viewer, String appUrl, Instant now) {
		StringBuilder out = new StringBuilder();
		line(out, "BEGIN:VCALENDAR");
		line(out, "VERSION:2.0");
		line(out, "PRODID:-//Health-Connect//Appointments//EN");
		line(out, "CALSCALE:GREGORIAN");
		line(out, "X-WR-CALNAME:Health-Connect appointments");
		for (AppointmentView a : appointments) {
			event(out, a, viewer, appUrl, now);
		}
		line(out, "END:VCALENDAR");
		return out.toString();
	}

	private static void event(StringBuilder out, AppointmentView a, CurrentUser viewer, String appUrl, Instant now) {
		line(out, "BEGIN:VEVENT");
		line(out, "UID:appointment-" + a.id() + "@healthconnect");
		line(out, "DTSTAMP:" + UTC.format(a.updatedAt() == null ? now : a.updatedAt()));
		line(out, "DTSTART:" + UTC.format(a.startsAt()));
		line(out, "DTEND:" + UTC.format(a.endsAt()));
		line(out, "SEQUENCE:" + a.sequence());
		line(out, "STATUS:" + status(a.status()));
		String other = viewer.isDoctor() ? a.patient().name() : doctorName(a.doctor().name());
		String mode = a.mode() == AppointmentMode.CHAT ? "Chat" : "Video";
		line(out, "SUMMARY:" + text(mode + " appointment with " + other));
		String link = appUrl == null ? null : appUrl + "/appointments";
		line(out, "DESCRIPTION:" + text("Health-Connect " + mode.toLowerCase(java.util.Locale.ROOT)
				+ " consultation" + (link == null ? "." : ". Open it at " + link)));
		if (link != null) {
			line(out, "URL:" + link);
		}
		if (a.status() == AppointmentStatus.SCHEDULED) {
			line(out, "BEGIN:VALARM");
			line(out, "ACTION:DISPLAY");
			line(out, "DESCRIPTION:" + text("Appointment with " + other));
			line(out, "TRIGGER:-PT15M");
			line(out, "END:VALARM");
		}
		line(out, "END:VEVENT");
	}

	private static String status(AppointmentStatus status) {
		return switch (status) {
			case PENDING -> "TENTATIVE";
			case SCHEDULED, COMPLETED -> "CONFIRMED";
			case CANCELLED, REJECTED, EXPIRED -> "CANCELLED";
		};
	}

	private static String doctorName(String name) {
		return name.startsWith("Dr") ? name : "Dr. " + name;
	}

	/** TEXT escaping: backslash, semicolon, comma and line breaks. */
	static String text(String value) {
		return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n")
			.replace("\n", "\\n");
	}

	/** Folds lines longer than 75 octets (RFC 5545 3.1), never inside a UTF-8 sequence. */
	static void line(StringBuilder out, String content) {
		int octets = 0;
		for (int i = 0; i < content.length(); i++) {
			char c = content.charAt(i);
			int size = String.valueOf(c).getBytes(StandardCharsets.UTF_8).length;
			if (Character.isHighSurrogate(c) && i + 1 < content.length()) {
				size = content.substring(i, i + 2).getBytes(StandardCharsets.UTF_8).length;
			}
			if (octets + size > 75) {
				out.append(CRLF).append(' ');
				octets = 1;
			}
			out.append(c);
			if (Character.isHighSurrogate(c) && i + 1 < content.length()) {
				out.append(content.charAt(++i));
			}
			octets += size;
		}
		out.append(CRLF);
	}
}
