package com.healthconnect.call.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param ringTimeout how long a call rings unanswered before both sides are told {@code no-answer}
 * @param rejoinGrace how long an answered call waits for a party whose connection dropped to come back (a new session
 * sending {@code rejoin-call}) before both sides are told {@code dropped}
 */
@ConfigurationProperties("healthconnect.calls")
public record CallProperties(@DefaultValue("45s") Duration ringTimeout, @DefaultValue("30s") Duration rejoinGrace) {
}
