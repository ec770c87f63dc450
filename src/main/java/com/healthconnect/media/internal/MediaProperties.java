package com.healthconnect.media.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxBytes largest image accepted ({@code healthconnect.media.max-bytes}); bigger ones get 413
 * @param cloudinaryUrl {@code cloudinary://key:secret@cloud} (the {@code CLOUDINARY_URL} variable): store in Cloudinary
 * instead of GridFS
 * @param signedUrlTtl how long a Cloudinary download URL handed to an allowed viewer stays valid
 */
@ConfigurationProperties("healthconnect.media")
public record MediaProperties(@DefaultValue("5MB") DataSize maxBytes, String cloudinaryUrl,
		@DefaultValue("5m") Duration signedUrlTtl) {

	public boolean usesCloudinary() {
		return cloudinaryUrl != null && !cloudinaryUrl.isBlank();
	}
}
