package com.healthconnect.privacy;

import com.healthconnect.auth.CurrentUser;

/**
 * One module's share of what is held on a user. Every module that stores personal data provides a bean of this type:
 * the export collects {@link #export} under {@link #section()}, and deleting an account calls {@link #erase} on each,
 * in {@link org.springframework.core.annotation.Order} (participants' shared records are released before the profile
 * that names them is erased).
 */
public interface PersonalData {

	/** The key of this part in the export, one of the contract's; null when the module only erases. */
	String section();

	/** Whether this module holds anything on users of this kind. */
	default boolean holdsDataOf(CurrentUser user) {
		return true;
	}

	/** What is held on {@code user}, as the JSON to export; only their own data, never another person's. */
	Object export(CurrentUser user);

	/**
	 * Erases what is held on {@code user} that nobody else needs; what another person still needs (a shared
	 * appointment, a message they received) stays and names a "Deleted user" once the account is gone.
	 */
	void erase(CurrentUser user);
}
