/** The {@code /api/doctors} endpoints. */
package com.healthconnect.doctor.web;
