package com.healthconnect.notification;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.healthconnect.doctor.DoctorRejected;
import com.healthconnect.doctor.DoctorVerified;

/**
 * An operator's decision on a doctor's registration, told to the doctor in the app and by e-mail (the one mail of the
 * decision: the doctor module sends none of its own). The platform vouching for its own doctors (the demo data, no
 * operator) tells nobody.
 */
@Component
class VerificationNotifications {

	private final Notifications notifications;

	VerificationNotifications(Notifications notifications) {
		this.notifications = notifications;
	}

	@EventListener
	void verified(DoctorVerified event) {
		if (event.operatorId() == null) {
			return;
		}
		notifications.notify(new NewNotification(event.doctorId(), "doctor-verified", "Your Health-Connect registration is approved",
				"An operator verified your registration as a doctor on Health-Connect. Patients find you in the "
						+ "directory and can book your slots from now on.",
				null));
	}

	/** The operator's reason is about the registration (a licence, a document), never medical: it is in the mail. */
	@EventListener
	void rejected(DoctorRejected event) {
		notifications.notify(new NewNotification(event.doctorId(), "doctor-rejected",
				"Your Health-Connect registration was not approved",
				"An operator reviewed your registration as a doctor on Health-Connect and could not approve it, for "
						+ "this reason:\n\n" + event.reason() + "\n\nYou can still sign in, correct your profile and "
						+ "ask your operator about it.",
				null));
	}
}
