package com.healthconnect.media.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

import com.cloudinary.Cloudinary;
import com.cloudinary.utils.ObjectUtils;
import com.healthconnect.media.Delivery;
import com.healthconnect.platform.DomainException;

/**
 * Image bytes in Cloudinary with authenticated delivery: uploads are {@code type: authenticated}, so Cloudinary serves
 * them only through signed URLs, and viewers get a signed download URL that expires after
 * {@code healthconnect.media.signed-url-ttl}. These are patients' images; a plain public URL would outlive any
 * permission check.
 */
class CloudinaryStorage implements BlobStorage {

	private static final Logger log = LoggerFactory.getLogger(CloudinaryStorage.class);
	static final String FOLDER = "healthconnect/";

	private final Cloudinary cloudinary;
	private final Duration urlTtl;
	private final Clock clock;

	CloudinaryStorage(String cloudinaryUrl, Duration urlTtl, Clock clock) {
		this.cloudinary = new Cloudinary(cloudinaryUrl);
		this.cloudinary.config.secure = true;
		this.urlTtl = urlTtl;
		this.clock = clock;
	}

	@Override
	public StoredBlob store(String mediaId, byte[] bytes, ImageType type) {
		try {
			Map<?, ?> result = cloudinary.uploader().upload(bytes, ObjectUtils.asMap("public_id", FOLDER + mediaId,
					"type", "authenticated", "resource_type", "image", "overwrite", false));
			return new StoredBlob(MediaFile.Storage.CLOUDINARY, (String) result.get("public_id"),
					(String) result.get("format"));
		}
		catch (IOException | RuntimeException ex) {
			log.error("Cloudinary upload failed", ex);
			throw new StoreUnavailable();
		}
	}

	/** Cloudinary down or refusing: a 503 the client may retry, not a 500. */
	static final class StoreUnavailable extends DomainException {

		StoreUnavailable() {
			super(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
					"The image store is not reachable right now; nothing was saved, try again later", List.of());
		}
	}

	@Override
	public Delivery deliver(MediaFile file, boolean publicImage) {
		long expiresAt = clock.instant().plus(urlTtl).getEpochSecond();
		try {
			return new Delivery.Redirect(cloudinary.privateDownload(file.reference(), file.format(), ObjectUtils
				.asMap("type", "authenticated", "resource_type", "image", "expires_at", expiresAt)));
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot sign a Cloudinary download URL", ex);
		}
	}

	@Override
	public void delete(MediaFile file) {
		try {
			cloudinary.uploader().destroy(file.reference(),
					ObjectUtils.asMap("type", "authenticated", "resource_type", "image", "invalidate", true));
		}
		catch (IOException | RuntimeException ex) {
			throw new IllegalStateException("Cannot delete a Cloudinary image", ex);
		}
	}
}
