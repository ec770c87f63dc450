package com.healthconnect.auth;

import java.util.Optional;

/**
 * Where one role's accounts live. The doctor and patient modules each provide one, so that auth depends on neither.
 */
public interface AccountStore {

	Role role();

	/** The stored bcrypt hash for a (lower-cased) e-mail, if an account of this role has it. */
	Optional<StoredCredentials> findCredentials(String email);

	/**
	 * Creates the account with the given id under {@code email}, already normalised and reserved across both roles (the
	 * registration's own e-mail is as the client typed it). Throws {@code DuplicateKeyException} when that id or e-mail
	 * is taken in this store.
	 */
	AccountView create(String id, Registration registration, String email, String passwordHash);

	Optional<AccountView> find(String id);

	/** Replaces the account's bcrypt hash (password reset and change). */
	void setPasswordHash(String id, String passwordHash);

	/**
	 * Replaces a deleted account by a tombstone: the name {@link AccountClosure#DELETED_NAME}, no e-mail (its own
	 * placeholder, which no sign-in can type), no password, no profile or image, so that what others still hold (an
	 * appointment, a message) names a "Deleted user".
	 */
	default void erase(String id) {
		throw new UnsupportedOperationException(role() + " accounts cannot be deleted");
	}

	/** Removes an account whose creation could not be completed. */
	void delete(String id);

	record StoredCredentials(String id, String passwordHash) {
	}
}
