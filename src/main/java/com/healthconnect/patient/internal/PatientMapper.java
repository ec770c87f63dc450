package com.healthconnect.patient.internal;

import com.healthconnect.patient.PatientView;

/** Documents never leave the module; this is the shape they leave in. */
public final class PatientMapper {

	private PatientMapper() {
	}

	public static PatientView view(Patient p) {
		return new PatientView(p.getId(), p.getName(), p.getEmail(), p.dateOfBirthAsDate(), p.getGender(),
				p.getBloodGroup(), p.getAllergies(), p.getEmergencyContact(), p.getProfileImage(), p.timeZoneOrUtc());
	}
}
