/** The {@code /api/appointments} endpoints, and the doctor endpoints that need appointments (slots, my patients). */
package com.healthconnect.appointment.web;
