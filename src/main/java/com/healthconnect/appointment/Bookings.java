package com.healthconnect.appointment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

import com.healthconnect.appointment.internal.Appointment;
import com.healthconnect.appointment.internal.AppointmentStore;
import com.healthconnect.audit.Actor;
import com.healthconnect.audit.AuditAction;
import com.healthconnect.audit.AuditLog;
import com.healthconnect.auth.CurrentUser;
import com.healthconnect.doctor.BookingPolicy;
import com.healthconnect.doctor.DaySlots;
import com.healthconnect.doctor.DoctorDirectory;
import com.healthconnect.doctor.DoctorSummary;
import com.healthconnect.doctor.SlotTime;
import com.healthconnect.patient.PatientDirectory;
import com.healthconnect.patient.PatientSummary;
import com.healthconnect.platform.DomainException;
import com.healthconnect.platform.Pages;

/**
 * Booking and everything that happens to an appointment afterwards. Who may see an appointment is decided here (its
 * two participants; everyone else gets 404); what they may do with it is decided by the {@link Appointment}
 * aggregate. Every change is published as an {@link AppointmentEvent} once it is stored.
 */
@Service
public class Bookings {

	static final String APPOINTMENT_RECORD = "appointment";

	private final AppointmentStore store;
	private final DoctorDirectory doctors;
	private final PatientDirectory patients;
	private final Connections connections;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	Bookings(AppointmentStore store, DoctorDirectory doctors, PatientDirectory patients, Connections connections,
			AuditLog audit, ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.doctors = doctors;
		this.patients = patients;
		this.connections = connections;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	public AppointmentView book(CurrentUser patient, BookingRequest request) {
		if (!patient.isPatient()) {
			throw DomainException.forbidden("Only patients book appointments");
		}
		if (doctors.summary(request.doctorId()).isEmpty()) {
			throw DomainException.invalidField("doctorId", "no such doctor");
		}
		DaySlots day = doctors.slotsOn(request.doctorId(), request.date());
		Instant now = clock.instant();
		SlotTime slot = bookableSlot(day, request.startTime(), now);
		refuseOverlaps(day.doctorId(), patient.id(), slot, null);
		Appointment appointment = store.insert(Appointment.book(patient.id(), day.doctorId(), request.date(),
				day.timeZone(), slot, request.mode(), request.reason(), now));
		AppointmentView view = view(appointment);
		events.publishEvent(new AppointmentBooked(appointment.getDoctorId(), appointment.getPatientId(), view));
		return view;
	}

	/**
	 * The caller's own appointments by {@code startsAt}. {@code status} may list several, comma-separated;
	 * {@code from}/{@code to} (inclusive) are either dates {@code YYYY-MM-DD}, compared with the appointment's date in
	 * its doctor's zone, or instants ({@code 2026-11-25T08:00:00Z}), compared with {@code startsAt}.
	 */
	public Pages<AppointmentView> list(CurrentUser user, String status, String from, String to, Integer page,
			Integer size) {
		PageRequest request = Pages.request(page, size, Sort.by("startsAt", "_id"));
		Criteria criteria = Criteria.where(user.isDoctor() ? "doctorId" : "patientId").is(user.id());
		if (status != null && !status.isBlank()) {
			List<String> statuses = new ArrayList<>();
			for (String s : status.split(",")) {
				statuses.add(AppointmentStatus.parse(s.strip())
					.orElseThrow(() -> DomainException.invalidField("status",
							"must be pending, scheduled, rejected, cancelled, completed or expired"))
					.json());
			}
			criteria = criteria.and("status").in(statuses);
		}
		List<Criteria> bounds = new ArrayList<>();
		bound("from", from, true).ifPresent(bounds::add);
		bound("to", to, false).ifPresent(bounds::add);
		if (!bounds.isEmpty()) {
			criteria = criteria.andOperator(bounds);
		}
		Page<Appointment> found = store.page(criteria, request);
		return Pages.of(new PageImpl<>(views(found.getContent()), request, found.getTotalElements()), v -> v);
	}

	public AppointmentView get(CurrentUser user, String id) {
		return view(load(user, id));
	}

	/** The doctor accepts, rejects or completes (a participant may also cancel here), optionally with visit notes. */
	public AppointmentView changeStatus(CurrentUser user, String id, StatusChangeRequest change) {
		AppointmentStatus target = AppointmentStatus.parse(change.status())
			.orElseThrow(() -> DomainException.invalidField("status", "must be scheduled, rejected or completed"));
		Appointment appointment = load(user, id);
		AppointmentStatus from = appointment.status();
		Instant now = clock.instant();
		if (change.notes() != null) {
			appointment.writeNotes(user, change.notes(), now);
		}
		switch (target) {
			case SCHEDULED -> appointment.accept(user, change.comment(), now);
			case REJECTED -> appointment.reject(user, change.comment(), now);
			case COMPLETED -> appointment.complete(user, change.comment(), now);
			case CANCELLED -> appointment.cancel(user, change.comment(),
					doctors.policy(appointment.getDoctorId()).cancellationWindow(), now);
			case EXPIRED -> throw DomainException.conflict("Only the server expires an unanswered request");
			case PENDING -> throw DomainException.conflict(
					"An appointment goes back to pending only by being rescheduled by its patient");
		}
		Appointment saved = store.save(appointment);
		if (change.notes() != null) {
			audit.record(actor(user), AuditAction.VISIT_NOTES_WRITE, saved.getPatientId(), APPOINTMENT_RECORD,
					saved.getId());
		}
		return publishStatusChange(saved, from);
	}

	public AppointmentView cancel(CurrentUser user, String id, String reason) {
		Appointment appointment = load(user, id);
		AppointmentStatus from = appointment.status();
		appointment.cancel(user, reason, doctors.policy(appointment.getDoctorId()).cancellationWindow(),
				clock.instant());
		return publishStatusChange(store.save(appointment), from);
	}

	/** Takes the new slot and lets go of the old one in one write: a 409 leaves the old booking as it was. */
	public AppointmentView reschedule(CurrentUser user, String id, RescheduleRequest request) {
		Appointment appointment = load(user, id);
		Instant previous = appointment.getStartsAt();
		Instant now = clock.instant();
		java.time.Duration window = doctors.policy(appointment.getDoctorId()).cancellationWindow();
		appointment.checkReschedulable(user, window, now);
		DaySlots day = doctors.slotsOn(appointment.getDoctorId(), request.date());
		SlotTime slot = bookableSlot(day, request.startTime(), now);
		appointment.reschedule(user, request.date(), day.timeZone(), slot, window, now);
		refuseOverlaps(appointment.getDoctorId(), appointment.getPatientId(), slot, appointment.getId());
		Appointment saved = store.save(appointment);
		AppointmentView view = view(saved);
		events.publishEvent(new AppointmentRescheduled(saved.getDoctorId(), saved.getPatientId(), previous, view));
		return view;
	}

	/** Once, by its patient, after completion; the doctor's rating moves by an atomic increment. */
	public AppointmentView review(CurrentUser user, String id, ReviewRequest request) {
		Appointment appointment = load(user, id);
		appointment.review(user, request.rating(), request.review(), clock.instant());
		// saved under optimistic locking first, so two concurrent reviews cannot both count
		Appointment saved = store.save(appointment);
		doctors.addRating(saved.getDoctorId(), request.rating());
		AppointmentView view = view(saved);
		events.publishEvent(new AppointmentReviewed(saved.getDoctorId(), saved.getPatientId(), view));
		return view;
	}

	/** The patient arrives in the waiting room; the doctor's sessions are told at once. */
	public AppointmentView checkIn(CurrentUser user, String id) {
		Appointment appointment = load(user, id);
		appointment.checkIn(user, clock.instant());
		Appointment saved = store.save(appointment);
		AppointmentView view = view(saved);
		events.publishEvent(new AppointmentCheckedIn(saved.getDoctorId(), saved.getPatientId(), view));
		return view;
	}

	/** Checked-in patients whose visit is neither completed nor cancelled, by start. */
	public List<AppointmentView> waitingRoom(CurrentUser doctor) {
		return views(store.waitingFor(doctor.id()));
	}

	/**
	 * Every pending request whose slot has begun becomes expired: the slot is free again and both are told. Each is
	 * claimed by a conditional write (its version), so with several instances running each expires exactly once.
	 * Returns how many this call expired.
	 */
	public int expireUnanswered() {
		Instant now = clock.instant();
		int expired = 0;
		for (Appointment appointment : store.pendingStartedBy(now)) {
			appointment.expire(now);
			if (store.saveIfUnchanged(appointment)) {
				publishStatusChange(appointment, AppointmentStatus.PENDING);
				expired++;
			}
		}
		return expired;
	}

	/** The doctor's pending and scheduled appointments on dates the time off covers, by start. */
	public List<AppointmentView> affectedBy(CurrentUser doctor, List<com.healthconnect.doctor.TimeOff> timeOff) {
		if (timeOff.isEmpty()) {
			return List.of();
		}
		List<Appointment> found = store.activeOfDoctorFrom(doctor.id(), clock.instant()).stream()
			.filter(a -> timeOff.stream().anyMatch(t -> t.covers(LocalDate.parse(a.getDate()))))
			.toList();
		return views(found);
	}

	/** Reviews with text for a doctor's public page, newest first, naming the patient by first name and initial. */
	public Pages<DoctorReview> reviews(String doctorId, Integer page, Integer size) {
		PageRequest request = Pages.request(page, size, Sort.by(Sort.Direction.DESC, "updatedAt", "_id"));
		if (doctors.summary(doctorId).isEmpty()) {
			throw DomainException.notFound("No such doctor");
		}
		Page<Appointment> found = store.reviewsOf(doctorId, request);
		Map<String, PatientSummary> names = patients.summaries(
				found.getContent().stream().map(Appointment::getPatientId).collect(java.util.stream.Collectors.toSet()));
		return Pages.of(found, a -> new DoctorReview(a.getRating(), a.getReview(), a.getUpdatedAt(),
				new DoctorReview.Reviewer(DoctorReview.shortName(
						names.getOrDefault(a.getPatientId(), PatientSummary.unknown(a.getPatientId())).name()))));
	}

	/** One appointment as an ICS file, for its participants only. */
	public String calendarFile(CurrentUser user, String id, String appUrl) {
		return CalendarFile.of(List.of(view(load(user, id))), user, appUrl, clock.instant());
	}

	/** Every appointment of the user as one calendar, for the private feed. */
	public String calendarFeed(CurrentUser user, String appUrl) {
		List<Appointment> all = store.allOf(user.isDoctor() ? "doctorId" : "patientId", user.id());
		return CalendarFile.of(views(all), user, appUrl, clock.instant());
	}

	/** A doctor's slots on a date, and which of them can be booked right now. */
	public List<SlotAvailability> slots(String doctorId, LocalDate date) {
		DaySlots day = doctors.slotsOn(doctorId, date);
		if (day.slots().isEmpty()) {
			return List.of();
		}
		Instant now = clock.instant();
		Instant earliest = now.plus(day.policy().minimumNotice());
		Instant first = day.slots().get(0).startsAt();
		Instant last = day.slots().stream().map(SlotTime::endsAt).max(Comparator.naturalOrder()).orElseThrow();
		List<Appointment> held = store.holdingBetween("doctorId", day.doctorId(), first, last, null);
		return day.slots().stream()
			.map(slot -> new SlotAvailability(slot.slotNumber(), slot.startTime(), slot.endTime(), slot.startsAt(),
					slot.endsAt(), !day.timeOff() && slot.switchedOn() && slot.startsAt().isAfter(now)
							&& !slot.startsAt().isBefore(earliest) && held.stream().noneMatch(a -> overlaps(a, slot))))
			.toList();
	}

	/** The patients connected to this doctor, by name. */
	public Pages<PatientSummary> connectedPatients(CurrentUser doctor, Integer page, Integer size) {
		PageRequest request = Pages.request(page, size, Sort.unsorted());
		List<PatientSummary> all = patients.summaries(connections.counterparts(doctor)).values().stream()
			.sorted(Comparator.comparing(PatientSummary::name, String.CASE_INSENSITIVE_ORDER)
				.thenComparing(PatientSummary::id))
			.toList();
		int start = (int) Math.min(request.getOffset(), all.size());
		int end = Math.min(start + request.getPageSize(), all.size());
		return Pages.of(new PageImpl<>(all.subList(start, end), request, all.size()), p -> p);
	}

	private SlotTime bookableSlot(DaySlots day, String startTime, Instant now) {
		SlotTime slot = day.startingAt(startTime)
			.orElseThrow(() -> DomainException.invalidField("startTime",
					"the doctor's schedule has no slot at " + startTime + " on " + day.date() + " (" + day.timeZone() + ")"));
		if (!slot.switchedOn()) {
			throw DomainException.invalidField("startTime", "the slot at " + startTime + " is switched off");
		}
		if (!slot.startsAt().isAfter(now)) {
			throw DomainException.invalidField("startTime", "the slot at " + startTime + " has already begun");
		}
		if (day.timeOff()) {
			throw DomainException.invalidField("date", "the doctor is away on " + day.date());
		}
		if (slot.startsAt().isBefore(now.plus(day.policy().minimumNotice()))) {
			throw DomainException.invalidField("startTime", "this doctor takes bookings at least "
					+ day.policy().minimumNoticeMinutes() + " minutes ahead");
		}
		return slot;
	}

	/**
	 * Same-start races are settled by the unique holds; this catches the rarer overlap of different start times
	 * (after a schedule change, or across two doctors for one patient) before the write.
	 */
	private void refuseOverlaps(String doctorId, String patientId, SlotTime slot, String exceptId) {
		// two queries, not one $or: each compares doctorId or patientId first, which the embedded server's
		// EqualityIndex answers from that party's appointments alone
		if (!store.holdingBetween("doctorId", doctorId, slot.startsAt(), slot.endsAt(), exceptId).isEmpty()) {
			throw DomainException.conflict("This slot is already booked");
		}
		if (!store.holdingBetween("patientId", patientId, slot.startsAt(), slot.endsAt(), exceptId).isEmpty()) {
			throw DomainException.conflict("You already have an appointment at that time");
		}
	}

	private static boolean overlaps(Appointment a, SlotTime slot) {
		return a.getStartsAt().isBefore(slot.endsAt()) && slot.startsAt().isBefore(a.getEndsAt());
	}

	private Appointment load(CurrentUser user, String id) {
		return store.find(id).filter(a -> a.isParticipant(user))
			.orElseThrow(() -> DomainException.notFound("No such appointment"));
	}

	AppointmentView publishStatusChange(Appointment saved, AppointmentStatus from) {
		AppointmentView view = view(saved);
		events.publishEvent(new AppointmentStatusChanged(saved.getDoctorId(), saved.getPatientId(), from, view));
		return view;
	}

	private Actor actor(CurrentUser user) {
		String name = user.isDoctor() ? doctors.summary(user.id()).map(DoctorSummary::name).orElse(null)
				: patients.summary(user.id()).map(PatientSummary::name).orElse(null);
		return new Actor(user.id(), name, user.role());
	}

	private static java.util.Optional<Criteria> bound(String name, String value, boolean lower) {
		if (value == null || value.isBlank()) {
			return java.util.Optional.empty();
		}
		try {
			if (value.length() == 10) {
				String date = LocalDate.parse(value).toString();
				return java.util.Optional.of(lower ? Criteria.where("date").gte(date) : Criteria.where("date").lte(date));
			}
			Instant instant = Instant.parse(value);
			return java.util.Optional.of(lower ? Criteria.where("startsAt").gte(instant)
					: Criteria.where("startsAt").lte(instant));
		}
		catch (DateTimeParseException ex) {
			throw DomainException.invalidField(name, "must be a date YYYY-MM-DD or an instant like 2026-11-25T08:00:00Z");
		}
	}

	AppointmentView view(Appointment a) {
		return views(List.of(a)).get(0);
	}

	List<AppointmentView> views(List<Appointment> appointments) {
		Set<String> doctorIds = new HashSet<>();
		Set<String> patientIds = new HashSet<>();
		appointments.forEach(a -> {
			doctorIds.add(a.getDoctorId());
			patientIds.add(a.getPatientId());
		});
		Map<String, DoctorSummary> doctorSummaries = doctors.summaries(doctorIds);
		Map<String, PatientSummary> patientSummaries = patients.summaries(patientIds);
		Map<String, BookingPolicy> policies = doctors.policies(doctorIds);
		return appointments.stream()
			.map(a -> new AppointmentView(a.getId(),
					doctorSummaries.getOrDefault(a.getDoctorId(), DoctorSummary.unknown(a.getDoctorId())),
					patientSummaries.getOrDefault(a.getPatientId(), PatientSummary.unknown(a.getPatientId())),
					a.getDate(), a.getStartTime(), a.getEndTime(), a.getStartsAt(), a.getEndsAt(), a.getTimeZone(),
					a.status(), a.getMode(), a.getReason(), a.getComment(), a.getNotes(), a.getRating(),
					a.getReview(), a.getCreatedAt(), a.getUpdatedAt(), a.getCancelledBy(), a.getCancellationReason(),
					a.getCheckedInAt(), a.cancellationDeadline(
							policies.getOrDefault(a.getDoctorId(), BookingPolicy.DEFAULT).cancellationWindow()),
					a.getSequence()))
			.toList();
	}
}
