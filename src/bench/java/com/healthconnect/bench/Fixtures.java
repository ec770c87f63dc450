package com.healthconnect.bench;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.healthconnect.bench.Api.Account;

/**
 * The accounts and appointments the scenarios need, created on demand through the public API and reused across
 * scenarios: connected doctor/patient pairs (a pending appointment tomorrow), more doctors for the directory, and
 * patients with no appointment.
 */
final class Fixtures {

	static final List<String> SPECIALIZATIONS = List.of("Cardiology", "Dermatology", "Pediatrics", "General Practice",
			"Neurology", "Oncology", "Orthopedics", "Psychiatry", "Radiology", "Endocrinology", "Gastroenterology",
			"Ophthalmology");
	static final List<String> FIRST = List.of("Amara", "Daniel", "Emily", "Priya", "Lukas", "Sofia", "Chen", "Fatima",
			"Mateo", "Hana", "Olu", "Ingrid", "Ravi", "Nora", "Kenji", "Leila", "Tomas", "Aisha", "Marco", "Yuki");
	static final List<String> LAST = List.of("Okafor", "Weber", "Carter", "Raman", "Smith", "Garcia", "Nakamura",
			"Haddad", "Kowalski", "Silva", "Andersen", "Mensah", "Rossi", "Novak", "Kim", "Dubois", "Ibrahim", "Larsen",
			"Costa", "Patel", "Murphy", "Schneider", "Yilmaz", "Lee", "Fischer");
	/** The first slot of every bench doctor's day, in UTC. */
	static final String FIRST_SLOT = "08:00";

	record Pair(Account doctor, Account patient) {
	}

	private final Api api;
	private final int concurrency;
	private final Results results;
	private final String run = Long.toString(System.currentTimeMillis(), 36);
	private final AtomicInteger sequence = new AtomicInteger();
	private final List<Pair> pairs = Collections.synchronizedList(new ArrayList<>());
	private final List<Account> doctors = Collections.synchronizedList(new ArrayList<>());
	private final List<Account> patients = Collections.synchronizedList(new ArrayList<>());

	Fixtures(Api api, int concurrency, Results results) {
		this.api = api;
		this.concurrency = concurrency;
		this.results = results;
	}

	static LocalDate inDays(int days) {
		return LocalDate.now(ZoneOffset.UTC).plusDays(days);
	}

	/** At least {@code n} connected pairs: a doctor with a weekly schedule and a patient who booked their first slot tomorrow. */
	synchronized List<Pair> pairs(int n) throws Exception {
		int missing = n - pairs.size();
		if (missing > 0) {
			long t0 = System.nanoTime();
			parallel(missing, i -> {
				Account doctor = newDoctor();
				Account patient = newPatient();
				api.sendOk(patient, "POST", "/api/appointments", "{\"doctorId\":\"" + doctor.id() + "\",\"date\":\""
						+ inDays(1) + "\",\"startTime\":\"" + FIRST_SLOT + "\",\"mode\":\"video\",\"reason\":\"bench\"}",
						201);
				pairs.add(new Pair(doctor, patient));
			});
			results.note(String.format("set-up: %d connected doctor/patient pairs (register, schedule, book) in %.1f s",
					missing, (System.nanoTime() - t0) / 1e9));
		}
		return List.copyOf(pairs.subList(0, n));
	}

	/** Doctors in the directory, at least {@code n} of them (the pairs' doctors count). */
	synchronized List<Account> doctors(int n) throws Exception {
		int missing = n - pairs.size() - doctors.size();
		if (missing > 0) {
			long t0 = System.nanoTime();
			parallel(missing, i -> doctors.add(newDoctor()));
			results.note(String.format("set-up: %d more doctors with schedules in %.1f s", missing,
					(System.nanoTime() - t0) / 1e9));
		}
		List<Account> all = new ArrayList<>();
		synchronized (pairs) {
			pairs.forEach(p -> all.add(p.doctor()));
		}
		all.addAll(doctors);
		return all.subList(0, Math.min(n, all.size()));
	}

	/** {@code n} patients with no appointment (yet). */
	synchronized List<Account> patients(int n) throws Exception {
		int missing = n - patients.size();
		if (missing > 0) {
			long t0 = System.nanoTime();
			parallel(missing, i -> patients.add(newPatient()));
			results.note(String.format("set-up: %d patients in %.1f s", missing, (System.nanoTime() - t0) / 1e9));
		}
		return List.copyOf(patients.subList(0, n));
	}

	Account newDoctor() throws Exception {
		int i = sequence.incrementAndGet();
		String name = "Dr. " + FIRST.get(i % FIRST.size()) + " " + LAST.get((i / FIRST.size()) % LAST.size()) + " " + i;
		Account doctor = api.registerDoctor(name, "doctor" + i + "." + run + "@bench.healthconnect.local",
				SPECIALIZATIONS.get(i % SPECIALIZATIONS.size()));
		api.sendOk(doctor, "PUT", "/api/doctors/me/schedule", Api.weeklySchedule(8), 200);
		return doctor;
	}

	Account newPatient() throws Exception {
		int i = sequence.incrementAndGet();
		return api.registerPatient("Patient " + i, "patient" + i + "." + run + "@bench.healthconnect.local");
	}

	interface Task {
		void run(int index) throws Exception;
	}

	void parallel(int n, Task task) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(concurrency, n)));
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				int index = i;
				futures.add(pool.submit(() -> {
					task.run(index);
					return null;
				}));
			}
			for (Future<?> f : futures) {
				f.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}
}
