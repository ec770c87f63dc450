package com.healthconnect.doctor.internal;

import com.healthconnect.doctor.DoctorView;

/** Documents never leave the module; these are the shapes they leave in. */
public final class DoctorMapper {

	private DoctorMapper() {
	}

	public static DoctorView view(Doctor d) {
		return new DoctorView(d.getId(), d.getName(), d.getEmail(), d.getSpecialization(), d.getQualification(),
				d.getExperience(), d.getAbout(), d.getContactNumber(), d.getProfileImage(), d.getTimeZone(),
				d.getSchedule(), d.rating());
	}
}
