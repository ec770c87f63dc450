package com.healthconnect.doctor.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.LastModifiedDate;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import com.healthconnect.doctor.BookingPolicy;
import com.healthconnect.doctor.Rating;
import com.healthconnect.doctor.TimeOff;
import com.healthconnect.doctor.ScheduleDay;
import com.healthconnect.doctor.Verification;

import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/** A doctor's account and public profile. Written only through its methods; never bound from a request. */
@Document("doctors")
@Getter
@NoArgsConstructor(access = AccessLevel.PACKAGE)
public class Doctor {

	@Id
	private String id;
	private String name;
	private String email;
	private String passwordHash;
	private String specialization;
	/** Lower-cased copy for case-insensitive search that an index can serve. */
	private String specializationKey;
	private String nameKey;
	private String qualification;
	private int experience;
	private String about;
	private String contactNumber;
	private String profileImage;
	private String timeZone;
	private List<ScheduleDay> schedule = new ArrayList<>();
	private String licenseNumber;
	/** null for doctors registered before verification existed: they count as verified. */
	private Verification verification;
	private String rejectionReason;
	/** Null until the doctor sets them: {@link BookingPolicy#of} fills in the defaults. */
	private Integer minimumNoticeMinutes;
	private Integer cancellationWindowHours;
	private List<TimeOff> timeOff = new ArrayList<>();
	private long ratingSum;
	private long ratingCount;
	@Version
	private Long version;
	@CreatedDate
	private Instant createdAt;
	@LastModifiedDate
	private Instant updatedAt;

	public Doctor(String name, String email, String passwordHash, String specialization, String qualification,
			int experience, String about, String contactNumber, String timeZone, String licenseNumber,
			Verification verification) {
		this.email = email;
		this.licenseNumber = licenseNumber;
		this.verification = verification;
		this.passwordHash = passwordHash;
		updateProfile(name, specialization, qualification, experience, about, contactNumber, timeZone, null);
	}

	/** The id is chosen before the account is written, so that a registration a crash cut short can be completed. */
	void assignId(String id) {
		this.id = id;
	}

	public final void updateProfile(String name, String specialization, String qualification, Integer experience,
			String about, String contactNumber, String timeZone, String profileImage) {
		if (name != null) {
			this.name = name.strip();
			this.nameKey = this.name.toLowerCase(java.util.Locale.ROOT);
		}
		if (specialization != null) {
			this.specialization = specialization.strip();
			this.specializationKey = this.specialization.toLowerCase(java.util.Locale.ROOT);
		}
		if (qualification != null) {
			this.qualification = qualification.strip();
		}
		if (experience != null) {
			this.experience = experience;
		}
		if (about != null) {
			this.about = about;
		}
		if (contactNumber != null) {
			this.contactNumber = contactNumber;
		}
		if (timeZone != null) {
			this.timeZone = timeZone;
		}
		else if (this.timeZone == null) {
			this.timeZone = "UTC";
		}
		if (profileImage != null) {
			this.profileImage = profileImage.isBlank() ? null : profileImage;
		}
	}

	public Verification verification() {
		return verification == null ? Verification.VERIFIED : verification;
	}

	/** In the directory and bookable. */
	public boolean isListed() {
		return verification() == Verification.VERIFIED;
	}

	public void verify() {
		this.verification = Verification.VERIFIED;
		this.rejectionReason = null;
	}

	public void reject(String reason) {
		this.verification = Verification.REJECTED;
		this.rejectionReason = reason;
	}

	/**
	 * The account was deleted: everything personal goes and the doctor leaves the directory (no longer bookable), the
	 * id stays for the appointments and messages patients still hold, which now name a "Deleted user". The e-mail
	 * becomes a placeholder no sign-in can type, and there is no password.
	 */
	public void erase(String deletedName) {
		this.name = deletedName;
		this.nameKey = deletedName.toLowerCase(java.util.Locale.ROOT);
		this.email = "deleted:" + id;
		this.passwordHash = null;
		this.qualification = null;
		this.about = null;
		this.contactNumber = null;
		this.profileImage = null;
		this.licenseNumber = null;
		this.schedule = new ArrayList<>();
		this.timeOff = new ArrayList<>();
		this.verification = Verification.REJECTED;
		this.rejectionReason = "The account was deleted";
	}

	/** Days Monday first, slots by start time: the order every client shows them in. */
	public void replaceSchedule(List<ScheduleDay> schedule) {
		this.schedule = schedule.stream()
			.sorted(java.util.Comparator.comparing(ScheduleDay::day))
			.map(day -> new ScheduleDay(day.day(), day.slots().stream()
				.sorted(java.util.Comparator.comparing(com.healthconnect.doctor.ScheduleSlot::startTime))
				.toList()))
			.collect(java.util.stream.Collectors.toCollection(ArrayList::new));
	}

	public void updatePolicy(Integer minimumNoticeMinutes, Integer cancellationWindowHours) {
		if (minimumNoticeMinutes != null) {
			this.minimumNoticeMinutes = minimumNoticeMinutes;
		}
		if (cancellationWindowHours != null) {
			this.cancellationWindowHours = cancellationWindowHours;
		}
	}

	public BookingPolicy policy() {
		return BookingPolicy.of(minimumNoticeMinutes, cancellationWindowHours);
	}

	/** Earliest first. */
	public void replaceTimeOff(List<TimeOff> entries) {
		this.timeOff = entries.stream()
			.sorted(java.util.Comparator.comparing(TimeOff::from).thenComparing(TimeOff::to))
			.collect(java.util.stream.Collectors.toCollection(ArrayList::new));
	}

	public List<TimeOff> timeOff() {
		return timeOff == null ? List.of() : timeOff;
	}

	public boolean isOffOn(java.time.LocalDate date) {
		return timeOff().stream().anyMatch(t -> t.covers(date));
	}

	public Rating rating() {
		return Rating.of(ratingSum, ratingCount);
	}
}
