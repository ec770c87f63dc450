package com.healthconnect.patient.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.LastModifiedDate;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import com.healthconnect.patient.EmergencyContact;
import com.healthconnect.patient.PatientProfileUpdate;

import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/** A patient's account and medical profile. Written only through its methods; never bound from a request. */
@Document("patients")
@Getter
@NoArgsConstructor(access = AccessLevel.PACKAGE)
public class Patient {

	@Id
	private String id;
	private String name;
	private String email;
	private String passwordHash;
	/** Kept as {@code YYYY-MM-DD}: a birthday is a calendar date, not an instant in some server's zone. */
	private String dateOfBirth;
	private String gender;
	private String bloodGroup;
	private List<String> allergies = new ArrayList<>();
	private List<EmergencyContact> emergencyContact = new ArrayList<>();
	private String profileImage;
	/** IANA zone the patient reads times in (e-mails, reminders, the UI); {@code null} on accounts made before it existed. */
	private String timeZone;
	@Version
	private Long version;
	@CreatedDate
	private Instant createdAt;
	@LastModifiedDate
	private Instant updatedAt;

	public Patient(String name, String email, String passwordHash, LocalDate dateOfBirth, String gender,
			String bloodGroup, String timeZone) {
		this.name = name.strip();
		this.email = email;
		this.passwordHash = passwordHash;
		this.dateOfBirth = dateOfBirth == null ? null : dateOfBirth.toString();
		this.gender = gender;
		this.bloodGroup = bloodGroup;
		this.timeZone = timeZone;
	}

	/** The id is chosen before the account is written, so that a registration a crash cut short can be completed. */
	void assignId(String id) {
		this.id = id;
	}

	public void update(PatientProfileUpdate update) {
		if (update.name() != null) {
			this.name = update.name().strip();
		}
		if (update.dateOfBirth() != null) {
			this.dateOfBirth = update.dateOfBirth().toString();
		}
		if (update.gender() != null) {
			this.gender = update.gender().isBlank() ? null : update.gender();
		}
		if (update.bloodGroup() != null) {
			this.bloodGroup = update.bloodGroup().isBlank() ? null : update.bloodGroup();
		}
		if (update.allergies() != null) {
			this.allergies = update.allergies().stream().map(String::strip).distinct().toList();
		}
		if (update.emergencyContact() != null) {
			this.emergencyContact = List.copyOf(update.emergencyContact());
		}
		if (update.timeZone() != null) {
			this.timeZone = update.timeZone();
		}
		if (update.profileImage() != null) {
			this.profileImage = update.profileImage().isBlank() ? null : update.profileImage();
		}
	}

	/**
	 * The account was deleted: everything personal goes, the id stays for the appointments and messages the doctor
	 * still holds, which now name a "Deleted user". The e-mail becomes a placeholder no sign-in can type (the unique
	 * index still holds), and there is no password.
	 */
	public void erase(String deletedName) {
		this.name = deletedName;
		this.email = "deleted:" + id;
		this.passwordHash = null;
		this.dateOfBirth = null;
		this.gender = null;
		this.bloodGroup = null;
		this.allergies = new ArrayList<>();
		this.emergencyContact = new ArrayList<>();
		this.profileImage = null;
		this.timeZone = null;
	}

	public String timeZoneOrUtc() {
		return timeZone == null ? "UTC" : timeZone;
	}

	public LocalDate dateOfBirthAsDate() {
		return dateOfBirth == null ? null : LocalDate.parse(dateOfBirth);
	}
}
