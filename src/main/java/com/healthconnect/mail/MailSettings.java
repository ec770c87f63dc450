package com.healthconnect.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param from the sender every mail carries
 * @param baseUrl the app's public address, for links in mails (no trailing slash needed)
 */
@ConfigurationProperties("healthconnect.mail")
public record MailSettings(@DefaultValue("Health-Connect <no-reply@healthconnect.local>") String from,
		@DefaultValue("http://localhost:8080") String baseUrl) {
}
