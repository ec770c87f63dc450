/** Doctors: accounts, profile, the public directory, weekly schedules and bookable slots. */
package com.healthconnect.doctor;
