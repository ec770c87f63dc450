package com.healthconnect.platform.mongo;

import java.util.concurrent.TimeUnit;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.mongodb.WriteConcern;

/**
 * Medical records are acknowledged only once a majority has journaled them. The embedded server accepts and ignores
 * the setting, so one code path serves both.
 */
@Configuration(proxyBeanMethods = false)
class MongoDurabilityConfiguration {

	@Bean
	MongoClientSettingsBuilderCustomizer durableWrites() {
		return settings -> settings.writeConcern(WriteConcern.MAJORITY.withJournal(true).withWTimeout(10, TimeUnit.SECONDS))
			.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(15, TimeUnit.SECONDS));
	}
}
