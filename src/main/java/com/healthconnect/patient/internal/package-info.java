/** The patients collection and the patient side of accounts. */
package com.healthconnect.patient.internal;
