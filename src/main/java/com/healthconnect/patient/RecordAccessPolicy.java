package com.healthconnect.patient;

import com.healthconnect.auth.CurrentUser;

/**
 * Decides whether someone other than the patient may read a patient's medical profile. The appointment module
 * provides it (a doctor connected through an appointment), so that this module need not depend on appointments.
 */
public interface RecordAccessPolicy {

	boolean mayRead(CurrentUser reader, String patientId);
}
