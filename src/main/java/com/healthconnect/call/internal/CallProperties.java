package com.healthconnect.call.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param ringTimeout how long a call rings unanswered before both sides are told {@code no-answer} */
@ConfigurationProperties("healthconnect.calls")
public record CallProperties(@DefaultValue("45s") Duration ringTimeout) {
}
