/** The appointment aggregate, its collection and indexes. */
package com.healthconnect.appointment.internal;
