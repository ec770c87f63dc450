/** Booking, the appointment status machine, reviews, and who is connected to whom. */
package com.healthconnect.appointment;
