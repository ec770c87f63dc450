package com.healthconnect.appointment;

import static com.healthconnect.appointment.BookingIT.assertConflict;
import static com.healthconnect.support.Schedules.booking;
import static com.healthconnect.support.Schedules.doctorWithSchedule;
import static com.healthconnect.support.Schedules.inDays;
import static com.healthconnect.support.Schedules.slot;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.healthconnect.support.ApiClient;
import com.healthconnect.support.IntegrationTest;

/**
 * Overlaps between different start times, which the unique holds (one per doctor and start, one per patient and
 * start) cannot see: the booking checks them before its write, for the doctor and the patient in one query.
 */
@IntegrationTest
class BookingOverlapIT {

	static final String BERLIN = "Europe/Berlin";

	@LocalServerPort
	int port;

	@Test
	void aPatientCannotBookTwoDoctorsAtOverlappingTimes() {
		ApiClient onTheHour = doctorWithSchedule(port, "Dr On The Hour", "General Practice", BERLIN);
		ApiClient quarterPast = doctor("Dr Quarter Past", "09:15", "09:45", "09:45", "10:15");
		ApiClient patient = new ApiClient(port).registerPatient("Overlapping Patient");
		LocalDate date = inDays(BERLIN, 11);
		assertThat(patient.post("/api/appointments", booking(onTheHour.userId(), date, "09:00")).status())
			.isEqualTo(201);

		assertConflict(patient.post("/api/appointments", booking(quarterPast.userId(), date, "09:15")),
				"already have an appointment");
		// the next slot does not overlap, and another patient may take the refused one
		assertThat(patient.post("/api/appointments", booking(quarterPast.userId(), date, "09:45")).status())
			.isEqualTo(201);
		ApiClient other = new ApiClient(port).registerPatient("Other Patient");
		assertThat(other.post("/api/appointments", booking(quarterPast.userId(), date, "09:15")).status())
			.isEqualTo(201);
	}

	@Test
	void aNewScheduleIsBookableAtOnceAndItsSlotsCannotOverlapABookingOfTheOldOne() {
		ApiClient doctor = doctorWithSchedule(port, "Dr Reshuffle", "General Practice", BERLIN);
		LocalDate date = inDays(BERLIN, 12);
		ApiClient first = new ApiClient(port).registerPatient("Old Grid Patient");
		assertThat(first.post("/api/appointments", booking(doctor.userId(), date, "09:00")).status()).isEqualTo(201);

		// the doctor moves every slot by a quarter of an hour; the slots of the booking just made are read again
		assertThat(doctor.put("/api/doctors/me/schedule", week("09:15", "09:45", "09:45", "10:15")).status())
			.isEqualTo(200);
		ApiClient second = new ApiClient(port).registerPatient("New Grid Patient");
		assertThat(second.post("/api/appointments", booking(doctor.userId(), date, "09:45")).status()).isEqualTo(201);
		assertConflict(second.post("/api/appointments", booking(doctor.userId(), date, "09:15")), "already booked");
	}

	private ApiClient doctor(String name, String... times) {
		ApiClient doctor = new ApiClient(port).registerDoctor(name, "General Practice", BERLIN);
		assertThat(doctor.put("/api/doctors/me/schedule", week(times)).status()).isEqualTo(200);
		return doctor;
	}

	/** Every day the same slots, given as start and end pairs. */
	private static List<Map<String, Object>> week(String... times) {
		List<Map<String, Object>> slots = new ArrayList<>();
		for (int i = 0; i < times.length; i += 2) {
			slots.add(slot(i / 2 + 1, times[i], times[i + 1], true));
		}
		List<Map<String, Object>> days = new ArrayList<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			days.add(Map.of("day", day.name(), "slots", slots));
		}
		return days;
	}
}
