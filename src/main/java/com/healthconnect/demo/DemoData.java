package com.healthconnect.demo;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.healthconnect.auth.AccountService;
import com.healthconnect.auth.DoctorRegistration;
import com.healthconnect.auth.PatientRegistration;
import com.healthconnect.doctor.ClockTime;
import com.healthconnect.doctor.DoctorProfiles;
import com.healthconnect.doctor.DoctorVerifications;
import com.healthconnect.operator.Operators;
import com.healthconnect.doctor.ScheduleDay;
import com.healthconnect.doctor.ScheduleSlot;
import com.healthconnect.platform.mongo.EmbeddedMongo;

/**
 * Fills an empty database with demo accounts: on by default on the embedded MongoDB, off against a real one unless
 * {@code healthconnect.demo-data=true}. The README lists these logins.
 */
@Component
class DemoData {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);
	static final String DOCTOR_PASSWORD = "Doctor#2026";
	static final String PATIENT_PASSWORD = "Patient#2026";
	static final String OPERATOR_PASSWORD = "Operator#2026";

	private final AccountService accounts;
	private final DoctorProfiles doctors;
	private final DoctorVerifications verifications;
	private final Operators operators;
	private final MongoTemplate mongo;
	private final boolean enabled;

	DemoData(AccountService accounts, DoctorProfiles doctors, DoctorVerifications verifications, Operators operators,
			MongoTemplate mongo, Environment environment, ObjectProvider<EmbeddedMongo> embedded) {
		this.verifications = verifications;
		this.operators = operators;
		this.accounts = accounts;
		this.doctors = doctors;
		this.mongo = mongo;
		this.enabled = environment.getProperty("healthconnect.demo-data", Boolean.class,
				embedded.getIfAvailable() != null);
	}

	@EventListener(ApplicationReadyEvent.class)
	void seed() {
		if (!enabled || mongo.getCollection("account_emails").countDocuments() > 0) {
			return;
		}
		Set<DayOfWeek> weekdays = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
		doctor("Dr. Amara Okafor", "amara.okafor@demo.healthconnect.local", "Cardiology", "MD, FACC", 14,
				"Europe/Berlin", "Heart health, blood pressure and rhythm problems.", weekdays);
		doctor("Dr. Daniel Weber", "daniel.weber@demo.healthconnect.local", "Dermatology", "MD, Dermatologist", 9,
				"Europe/Berlin", "Skin, hair and nail conditions; photo consultations welcome.",
				EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY));
		doctor("Dr. Emily Carter", "emily.carter@demo.healthconnect.local", "Pediatrics", "MD, FAAP", 11,
				"America/New_York", "Children's health from newborns to teens.", weekdays);
		doctor("Dr. Priya Raman", "priya.raman@demo.healthconnect.local", "General Practice", "MBBS, MRCGP", 7,
				"Asia/Kolkata", "Everyday illnesses, prescriptions and referrals.",
				EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY));
		accounts.register(new PatientRegistration("Sam Patel", "sam.patel@demo.healthconnect.local",
				PATIENT_PASSWORD, java.time.LocalDate.of(1988, 4, 12), "male", "O+", "Europe/Berlin"));
		operators.provision("Olivia Operator", "operator@demo.healthconnect.local", OPERATOR_PASSWORD);
		log.info("Demo data created: 4 doctors (password {}), 1 patient (password {}) and 1 operator (password {}); "
				+ "see README.md", DOCTOR_PASSWORD, PATIENT_PASSWORD, OPERATOR_PASSWORD);
	}

	private void doctor(String name, String email, String specialization, String qualification, int experience,
			String timeZone, String about, Set<DayOfWeek> days) {
		var signedIn = accounts.register(new DoctorRegistration(name, email, DOCTOR_PASSWORD, specialization,
				qualification, experience, timeZone, about, null, "DEMO-" + email.hashCode()));
		verifications.verify(signedIn.account().id());
		List<ScheduleDay> schedule = new ArrayList<>();
		for (DayOfWeek day : days) {
			schedule.add(new ScheduleDay(day, slots()));
		}
		doctors.replaceSchedule(signedIn.account().id(), schedule);
	}

	/** 09:00–12:00 and 14:00–17:00 in half-hour slots. */
	private static List<ScheduleSlot> slots() {
		List<ScheduleSlot> slots = new ArrayList<>();
		int number = 1;
		for (int[] block : new int[][] { { 9, 12 }, { 14, 17 } }) {
			for (LocalTime t = LocalTime.of(block[0], 0); t.isBefore(LocalTime.of(block[1], 0)); t = t.plusMinutes(30)) {
				slots.add(new ScheduleSlot(number++, ClockTime.format(t), ClockTime.format(t.plusMinutes(30)), true));
			}
		}
		return slots;
	}
}
