package com.healthconnect.appointment;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.healthconnect.auth.CurrentUser;
import com.healthconnect.appointment.internal.Appointment;
import com.healthconnect.appointment.internal.AppointmentStore;
import com.healthconnect.appointment.internal.CalendarFeeds;
import com.healthconnect.privacy.PersonalData;

/**
 * A user's appointments, as they see them (with the visit notes the API shows them). When the account is deleted the
 * open ones are cancelled, so the other participant is told and the slot is free; the rest stay, since the doctor
 * must keep the record of a visit and the patient their history, naming a "Deleted user". The calendar feed stops.
 */
@Component
@Order(10)
class AppointmentPersonalData implements PersonalData {

	private final AppointmentStore store;
	private final Bookings bookings;
	private final CalendarFeeds feeds;
	private final Clock clock;

	AppointmentPersonalData(AppointmentStore store, Bookings bookings, CalendarFeeds feeds, Clock clock) {
		this.store = store;
		this.bookings = bookings;
		this.feeds = feeds;
		this.clock = clock;
	}

	@Override
	public String section() {
		return "appointments";
	}

	@Override
	public boolean holdsDataOf(CurrentUser user) {
		return user.isDoctor() || user.isPatient();
	}

	@Override
	public Object export(CurrentUser user) {
		return bookings.views(store.everyOf(party(user), user.id()));
	}

	@Override
	public void erase(CurrentUser user) {
		List<Appointment> all = store.everyOf(party(user), user.id());
		for (Appointment appointment : all) {
			AppointmentStatus from = appointment.status();
			if (from == AppointmentStatus.PENDING || from == AppointmentStatus.SCHEDULED) {
				Instant now = clock.instant();
				appointment.cancelForDeletedAccount(user, now);
				bookings.publishStatusChange(store.save(appointment), from);
			}
		}
		feeds.forget(user.id());
	}

	private static String party(CurrentUser user) {
		return user.isDoctor() ? "doctorId" : "patientId";
	}
}
