package com.healthconnect.realtime.internal;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code healthconnect.allowed-origins}: origins (patterns such as {@code https://*.example.org} allowed) whose pages
 * may open {@code /ws} besides the app's own origin, which is always allowed.
 */
@ConfigurationProperties("healthconnect")
record AllowedOrigins(@DefaultValue List<String> allowedOrigins) {
}
