/** Patients: accounts, the medical profile and who may read it. */
package com.healthconnect.patient;
