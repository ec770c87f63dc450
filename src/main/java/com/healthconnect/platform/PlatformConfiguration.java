package com.healthconnect.platform;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.config.EnableMongoAuditing;

@Configuration(proxyBeanMethods = false)
@EnableMongoAuditing
class PlatformConfiguration {

	/** One clock for every module, so tests can move time instead of sleeping. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}
}
