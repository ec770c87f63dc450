package com.healthconnect.auth;

/**
 * Who is calling, as proven by the session cookie: the only identity any module trusts. Controllers take it with
 * {@code @AuthenticationPrincipal CurrentUser user}.
 */
public record CurrentUser(String id, Role role) {

	public boolean isDoctor() {
		return role == Role.DOCTOR;
	}

	public boolean isPatient() {
		return role == Role.PATIENT;
	}

	public boolean isOperator() {
		return role == Role.OPERATOR;
	}
}
