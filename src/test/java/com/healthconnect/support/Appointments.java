package com.healthconnect.support;

import java.time.LocalDate;
import java.util.Map;

/**
 * Connects a doctor and a patient the way users do: the doctor publishes a schedule, the patient books the next free
 * slot through {@code POST /api/appointments}, and the doctor accepts it.
 */
public final class Appointments {

	private Appointments() {
	}

	/** Returns the id of the scheduled appointment that now connects the two. */
	public static String connect(ApiClient doctor, ApiClient patient) {
		ApiClient.Response schedule = doctor.get("/api/doctors/me");
		if (schedule.json().get("schedule").isEmpty()) {
			ApiClient.Response published = doctor.put("/api/doctors/me/schedule", Schedules.everyDay());
			if (published.status() != 200) {
				throw new IllegalStateException("schedule failed: " + published.body());
			}
		}
		String zone = schedule.json().get("timeZone").asString();
		for (int day = 2; day < 60; day++) {
			LocalDate date = Schedules.inDays(zone, day);
			for (String time : new String[] { "09:00", "09:30" }) {
				ApiClient.Response booked = patient.post("/api/appointments",
						Schedules.booking(doctor.userId(), date, time));
				if (booked.status() == 201) {
					String id = booked.json().get("id").asString();
					ApiClient.Response accepted = doctor.patch("/api/appointments/" + id + "/status",
							Map.of("status", "scheduled"));
					if (accepted.status() != 200) {
						throw new IllegalStateException("accept failed: " + accepted.body());
					}
					return id;
				}
				if (booked.status() != 409) {
					throw new IllegalStateException("booking failed: " + booked.body());
				}
			}
		}
		throw new IllegalStateException("no free slot found for " + doctor.userId());
	}
}
