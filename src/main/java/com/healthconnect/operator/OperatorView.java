package com.healthconnect.operator;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.healthconnect.auth.AccountView;
import com.healthconnect.auth.Role;

/** An operator's own account as the user JSON shows it. */
public record OperatorView(String id, String name, String email) implements AccountView {

	@Override
	@JsonProperty
	public Role role() {
		return Role.OPERATOR;
	}
}
