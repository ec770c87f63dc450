package com.healthconnect.auth;

/** Published when a user signs out: the token with this id is refused from now on. */
public record SignedOut(String userId, String tokenId) {
}
