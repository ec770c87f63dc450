package com.healthconnect.support;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Schedules and dates for full-stack tests. */
public final class Schedules {

	private Schedules() {
	}

	/** Every day: 09:00–09:30 and 09:30–10:00 on, 10:00–10:30 switched off. */
	public static List<Map<String, Object>> everyDay() {
		List<Map<String, Object>> days = new ArrayList<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			days.add(Map.of("day", day.name(), "slots", List.of(slot(1, "09:00", "09:30", true),
					slot(2, "09:30", "10:00", true), slot(3, "10:00", "10:30", false))));
		}
		return days;
	}

	public static Map<String, Object> slot(int number, String start, String end, boolean available) {
		return Map.of("slotNumber", number, "startTime", start, "endTime", end, "isAvailable", available);
	}

	/** A date safely in the future in the doctor's zone. */
	public static LocalDate inDays(String zone, int days) {
		return LocalDate.now(ZoneId.of(zone)).plusDays(days);
	}

	public static String instant(LocalDate date, String time, String zone) {
		return ZonedDateTime.of(date, LocalTime.parse(time), ZoneId.of(zone)).toInstant().toString();
	}

	/** A registered doctor whose schedule is {@link #everyDay()}. */
	public static ApiClient doctorWithSchedule(int port, String name, String specialization, String zone) {
		ApiClient doctor = new ApiClient(port).registerDoctor(name, specialization, zone);
		ApiClient.Response response = doctor.put("/api/doctors/me/schedule", everyDay());
		if (response.status() != 200) {
			throw new IllegalStateException("schedule failed: " + response.body());
		}
		return doctor;
	}

	public static Map<String, Object> booking(String doctorId, LocalDate date, String startTime) {
		return Map.of("doctorId", doctorId, "date", date.toString(), "startTime", startTime, "mode", "video",
				"reason", "check-up");
	}
}
