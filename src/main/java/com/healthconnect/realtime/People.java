package com.healthconnect.realtime;

import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import com.healthconnect.auth.Role;
import com.healthconnect.doctor.DoctorProfiles;
import com.healthconnect.patient.PatientProfiles;
import com.healthconnect.platform.DomainException;

/**
 * The name and picture shown for the other side of a call or chat, kept for a minute: an incoming call must not wait
 * for a database round trip to say who is calling.
 */
@Component
public class People {

	private static final long TTL_NANOS = 60_000_000_000L;
	private static final int MAX_ENTRIES = 100_000;

	private final DoctorProfiles doctors;
	private final PatientProfiles patients;
	private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

	People(DoctorProfiles doctors, PatientProfiles patients) {
		this.doctors = doctors;
		this.patients = patients;
	}

	public Person get(String userId, Role role) {
		long now = System.nanoTime();
		Cached cached = cache.get(userId);
		if (cached != null && cached.expiresAt - now > 0 && cached.person.role() == role) {
			return cached.person;
		}
		Person person;
		try {
			person = switch (role) {
				case DOCTOR -> {
					var doctor = doctors.get(userId);
					yield new Person(userId, doctor.name(), role, doctor.profileImage());
				}
				case PATIENT -> {
					var patient = patients.get(userId);
					yield new Person(userId, patient.name(), role, patient.profileImage());
				}
				// operators take no part in chats or calls
				case OPERATOR -> new Person(userId, "Operator", role, null);
			};
		}
		catch (DomainException notFound) {
			person = new Person(userId, "Former user", role, null);
		}
		if (cache.size() > MAX_ENTRIES) {
			cache.clear();
		}
		cache.put(userId, new Cached(person, now + TTL_NANOS));
		return person;
	}

	/** The other role: doctors talk to patients and patients to doctors. */
	public static Role counterpartRole(Role role) {
		return role == Role.DOCTOR ? Role.PATIENT : Role.DOCTOR;
	}

	/** Who someone is, as chats and call logs show them. */
	public record Person(String id, String name, Role role, String profileImage) {
	}

	private record Cached(Person person, long expiresAt) {
	}
}
