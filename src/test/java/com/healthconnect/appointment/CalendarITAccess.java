package com.healthconnect.appointment;

import net.fortuna.ical4j.model.Calendar;

/** Lets tests in other packages validate ICS text the way {@link CalendarIT} does. */
public final class CalendarITAccess {

	private CalendarITAccess() {
	}

	public static Calendar valid(String ics) throws Exception {
		return CalendarIT.valid(ics);
	}
}
