/** The doctors collection and the doctor side of accounts. */
package com.healthconnect.doctor.internal;
