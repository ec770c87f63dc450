package com.healthconnect;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;

/**
 * Health-Connect. Boot's in-memory user (a generated password logged at start-up) is switched off: every sign-in goes
 * through the accounts in MongoDB and the session cookie, never HTTP basic or form login.
 */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class HealthConnectApplication {

	public static void main(String[] args) {
		SpringApplication.run(HealthConnectApplication.class, args);
	}
}
