/** The {@code /api/patients} endpoints. */
package com.healthconnect.patient.web;
