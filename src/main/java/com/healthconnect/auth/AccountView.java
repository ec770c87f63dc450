package com.healthconnect.auth;

/** The user JSON: {@code {id, role, name, email, ...profile}}, never a password or hash. */
public interface AccountView {

	String id();

	Role role();

	String name();

	String email();
}
