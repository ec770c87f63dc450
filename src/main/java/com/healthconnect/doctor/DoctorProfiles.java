package com.healthconnect.doctor;

import java.util.List;

import org.springframework.stereotype.Service;

import com.healthconnect.doctor.internal.Doctor;
import com.healthconnect.doctor.internal.DoctorMapper;
import com.healthconnect.doctor.internal.Doctors;
import com.healthconnect.platform.DomainException;

import jakarta.validation.Validator;

/** A doctor's own profile and schedule. */
@Service
public class DoctorProfiles {

	private final Doctors doctors;
	private final Validator validator;

	DoctorProfiles(Doctors doctors, Validator validator) {
		this.doctors = doctors;
		this.validator = validator;
	}

	public DoctorView get(String doctorId) {
		return DoctorMapper.view(load(doctorId));
	}

	public DoctorView update(String doctorId, DoctorProfileUpdate update) {
		Doctor doctor = load(doctorId);
		doctor.updateProfile(update.name(), update.specialization(), update.qualification(), update.experience(),
				update.about(), update.contactNumber(), update.timeZone(), update.profileImage());
		return DoctorMapper.view(doctors.save(doctor));
	}

	/**
	 * Replaces the weekly schedule after checking {@link ScheduleRules}. Appointments already booked are not touched:
	 * they keep their date, times and instants even if their slot is removed or changed; only new bookings follow
	 * the new schedule.
	 */
	public DoctorView replaceSchedule(String doctorId, List<ScheduleDay> schedule) {
		ScheduleRules.check(schedule, validator);
		Doctor doctor = load(doctorId);
		doctor.replaceSchedule(schedule);
		return DoctorMapper.view(doctors.save(doctor));
	}

	private Doctor load(String doctorId) {
		return doctors.findById(doctorId).orElseThrow(() -> DomainException.notFound("No such doctor"));
	}
}
