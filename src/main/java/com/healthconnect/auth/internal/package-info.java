/** Tokens, cookies, revocation and throttling behind the auth module's API. */
package com.healthconnect.auth.internal;
