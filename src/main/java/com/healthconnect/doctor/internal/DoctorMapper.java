package com.healthconnect.doctor.internal;

import com.healthconnect.doctor.DoctorDetail;
import com.healthconnect.doctor.DoctorListing;
import com.healthconnect.doctor.DoctorSummary;
import com.healthconnect.doctor.DoctorView;

/** Documents never leave the module; these are the shapes they leave in. */
public final class DoctorMapper {

	private DoctorMapper() {
	}

	public static DoctorView view(Doctor d) {
		return new DoctorView(d.getId(), d.getName(), d.getEmail(), d.getSpecialization(), d.getQualification(),
				d.getExperience(), d.getAbout(), d.getContactNumber(), d.getProfileImage(), d.getTimeZone(),
				d.getSchedule(), d.rating(), d.getLicenseNumber(), d.verification(), d.policy().minimumNoticeMinutes(),
				d.policy().cancellationWindowHours());
	}

	public static DoctorListing listing(Doctor d) {
		return new DoctorListing(d.getId(), d.getName(), d.getSpecialization(), d.getQualification(),
				d.getExperience(), d.getAbout(), d.getProfileImage(), d.getTimeZone(), d.rating(),
				d.policy().minimumNoticeMinutes(), d.policy().cancellationWindowHours());
	}

	public static DoctorDetail detail(Doctor d) {
		return new DoctorDetail(d.getId(), d.getName(), d.getSpecialization(), d.getQualification(),
				d.getExperience(), d.getAbout(), d.getProfileImage(), d.getTimeZone(), d.rating(), d.getSchedule(),
				d.policy().minimumNoticeMinutes(), d.policy().cancellationWindowHours());
	}

	public static DoctorSummary summary(Doctor d) {
		return new DoctorSummary(d.getId(), d.getName(), d.getSpecialization(), d.getProfileImage());
	}
}
