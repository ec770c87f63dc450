package com.healthconnect.auth;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A sign-up request: {@code {role, name, email, password, ...profile}}. The {@code role} picks the record, and each
 * record lists exactly the fields that role may send.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "role", visible = false)
@JsonSubTypes({ @JsonSubTypes.Type(value = DoctorRegistration.class, name = "doctor"),
		@JsonSubTypes.Type(value = PatientRegistration.class, name = "patient") })
public sealed interface Registration permits DoctorRegistration, PatientRegistration {

	String name();

	String email();

	String password();

	Role role();
}
