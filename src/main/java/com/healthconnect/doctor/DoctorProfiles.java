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
		doctor.updatePolicy(update.minimumNoticeMinutes(), update.cancellationWindowHours());
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

	public List<TimeOff> timeOff(String doctorId) {
		return load(doctorId).timeOff();
	}

	/** Replaces the doctor's time off; bookings already on those dates are left for the doctor to handle. */
	public List<TimeOff> replaceTimeOff(String doctorId, List<TimeOff> entries) {
		if (entries.size() > 100) {
			throw DomainException.invalidField("timeOff", "at most 100 entries");
		}
		for (int i = 0; i < entries.size(); i++) {
			TimeOff entry = entries.get(i);
			if (entry == null || entry.from() == null || entry.to() == null) {
				throw DomainException.invalidField("[" + i + "]", "needs from and to");
			}
			if (entry.to().isBefore(entry.from())) {
				throw DomainException.invalidField("[" + i + "].to", "must not be before from");
			}
			if (entry.reason() != null && entry.reason().length() > 200) {
				throw DomainException.invalidField("[" + i + "].reason", "at most 200 characters");
			}
		}
		Doctor doctor = load(doctorId);
		doctor.replaceTimeOff(entries);
		return doctors.save(doctor).timeOff();
	}

	private Doctor load(String doctorId) {
		return doctors.findById(doctorId).orElseThrow(() -> DomainException.notFound("No such doctor"));
	}
}
