package com.healthconnect.auth;

/**
 * Published when every session of a user ends at once (password reset or change, account disabled or deleted): their
 * open sockets close, except those of {@code keptTokenId} (the session that changed the password), if any.
 */
public record SessionsEnded(String userId, String keptTokenId) {
}
