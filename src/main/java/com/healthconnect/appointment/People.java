package com.healthconnect.appointment;

import java.time.Duration;

import org.springframework.cache.Cache;
import org.springframework.cache.caffeine.CaffeineCache;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.healthconnect.auth.AccountDeleted;
import com.healthconnect.auth.Role;
import com.healthconnect.doctor.DoctorProfiles;
import com.healthconnect.patient.PatientProfiles;
import com.healthconnect.platform.DomainException;

/**
 * Who the other side of an appointment is, as a chat, a call or a call log shows them: name and picture, kept for a
 * minute (Spring's cache abstraction over Caffeine), since an incoming call must not wait for a database round trip
 * to say who is calling. A deleted account is forgotten at once.
 */
@Component
public class People {

	private static final Duration MAX_AGE = Duration.ofMinutes(1);

	private final DoctorProfiles doctors;
	private final PatientProfiles patients;
	private final Cache cache = new CaffeineCache("people",
			Caffeine.newBuilder().expireAfterWrite(MAX_AGE).maximumSize(100_000).build(), false);

	People(DoctorProfiles doctors, PatientProfiles patients) {
		this.doctors = doctors;
		this.patients = patients;
	}

	public Person get(String userId, Role role) {
		Person cached = cache.get(userId, Person.class);
		if (cached != null && cached.role() == role) {
			return cached;
		}
		Person person = lookUp(userId, role);
		cache.put(userId, person);
		return person;
	}

	@EventListener
	void accountDeleted(AccountDeleted deleted) {
		cache.evict(deleted.userId());
	}

	private Person lookUp(String userId, Role role) {
		try {
			return switch (role) {
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
			return new Person(userId, "Former user", role, null);
		}
	}

	/** The other role: doctors talk to patients and patients to doctors. */
	public static Role counterpartRole(Role role) {
		return role == Role.DOCTOR ? Role.PATIENT : Role.DOCTOR;
	}

	/** Who someone is, as chats and call logs show them. */
	public record Person(String id, String name, Role role, String profileImage) {
	}
}
