package com.healthconnect.auth.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits per client address, on top of the failed sign-ins per e-mail and address ({@code healthconnect.login.*}).
 *
 * @param loginAttemptsPerAddress sign-in attempts one address may make per {@code loginAddressWindow}, whatever the
 * e-mails
 * @param signUpsPerAddress registrations one address may make per {@code signUpWindow}
 * @param passwordResetsPerAddress password-reset requests one address may make per {@code passwordResetWindow}
 * @param passwordResetsPerEmail reset mails one e-mail gets per {@code passwordResetWindow} (further requests still
 * answer 202 but send nothing, so no one can flood a mailbox)
 */
@ConfigurationProperties("healthconnect.throttle")
public record ThrottleProperties(@DefaultValue("20") int loginAttemptsPerAddress,
		@DefaultValue("1m") Duration loginAddressWindow, @DefaultValue("10") int signUpsPerAddress,
		@DefaultValue("1h") Duration signUpWindow, @DefaultValue("10") int passwordResetsPerAddress,
		@DefaultValue("3") int passwordResetsPerEmail, @DefaultValue("1h") Duration passwordResetWindow) {
}
