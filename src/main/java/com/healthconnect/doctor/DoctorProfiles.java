package com.healthconnect.doctor;

import java.util.List;

import org.springframework.stereotype.Service;

import com.healthconnect.doctor.internal.Doctor;
import com.healthconnect.doctor.internal.DoctorMapper;
import com.healthconnect.doctor.internal.Doctors;
import com.healthconnect.platform.DomainException;

/** A doctor's own profile and schedule. */
@Service
public class DoctorProfiles {

	private final Doctors doctors;

	DoctorProfiles(Doctors doctors) {
		this.doctors = doctors;
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

	public DoctorView replaceSchedule(String doctorId, List<ScheduleDay> schedule) {
		Doctor doctor = load(doctorId);
		doctor.replaceSchedule(schedule);
		return DoctorMapper.view(doctors.save(doctor));
	}

	private Doctor load(String doctorId) {
		return doctors.findById(doctorId).orElseThrow(() -> DomainException.notFound("No such doctor"));
	}
}
