package com.healthconnect.doctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;
import org.springframework.test.util.ReflectionTestUtils;

import com.healthconnect.doctor.internal.Doctor;
import com.healthconnect.doctor.internal.Doctors;

class DoctorCacheTest {

	private final Doctors doctors = mock(Doctors.class);
	private final DoctorCache cache = new DoctorCache(doctors);

	@Test
	void aDoctorIsReadFromTheDatabaseOnceUntilItIsSaved() {
		Doctor amara = doctor("Dr Amara");
		when(doctors.findById(amara.getId())).thenReturn(Optional.of(amara));

		assertThat(cache.find(amara.getId())).containsSame(amara);
		assertThat(cache.find(amara.getId())).containsSame(amara);
		verify(doctors, times(1)).findById(amara.getId());

		// a local save drops it, so the next read sees the write
		cache.onAfterSave(new AfterSaveEvent<>(amara, new Document(), "doctors"));
		cache.find(amara.getId());
		verify(doctors, times(2)).findById(amara.getId());
	}

	@Test
	void anUnknownDoctorIsNotRememberedSoOneRegisteredElsewhereIsFoundAtOnce() {
		String id = new ObjectId().toHexString();
		when(doctors.findById(id)).thenReturn(Optional.empty());
		assertThat(cache.find(id)).isEmpty();
		assertThat(cache.find(id)).isEmpty();
		verify(doctors, times(2)).findById(id);
		assertThat(cache.find("not-an-id")).isEmpty();
	}

	@Test
	void manyDoctorsAreReadInOneQueryForThoseNotYetHeld() {
		Doctor held = doctor("Dr Held");
		Doctor other = doctor("Dr Other");
		when(doctors.findById(held.getId())).thenReturn(Optional.of(held));
		when(doctors.findAllById(List.of(other.getId()))).thenReturn(List.of(other));
		cache.find(held.getId());

		assertThat(cache.findAll(List.of(held.getId(), other.getId(), other.getId(), "bad")))
			.containsExactlyInAnyOrder(held, other);
		verify(doctors).findAllById(List.of(other.getId()));
		assertThat(cache.findAll(List.of(other.getId()))).containsExactly(other);
		verify(doctors, times(1)).findAllById(List.of(other.getId()));
	}

	private static Doctor doctor(String name) {
		Doctor doctor = new Doctor(name, name.replace(" ", "") + "@test.local", "hash", "Cardiology", "MD", 5, null,
				null, "UTC", null, Verification.VERIFIED);
		ReflectionTestUtils.setField(doctor, "id", new ObjectId().toHexString());
		return doctor;
	}
}
