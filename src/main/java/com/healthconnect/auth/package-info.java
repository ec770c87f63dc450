/**
 * Accounts, sign-up, login, the JWT session cookie, CSRF and the security rules. Doctor and patient modules plug
 * their collections in through {@link com.healthconnect.auth.AccountStore}.
 */
package com.healthconnect.auth;
