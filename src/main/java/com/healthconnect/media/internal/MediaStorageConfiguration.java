package com.healthconnect.media.internal;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;

@Configuration(proxyBeanMethods = false)
class MediaStorageConfiguration {

	private static final Logger log = LoggerFactory.getLogger(MediaStorageConfiguration.class);

	@Bean
	BlobStorage blobStorage(MediaProperties properties, MongoDatabaseFactory mongo, MongoConverter converter,
			Clock clock) {
		if (properties.usesCloudinary()) {
			log.info("Images are stored in Cloudinary (authenticated delivery)");
			return new CloudinaryStorage(properties.cloudinaryUrl(), properties.signedUrlTtl(), clock);
		}
		return new GridFsStorage(new GridFsTemplate(mongo, converter));
	}
}
