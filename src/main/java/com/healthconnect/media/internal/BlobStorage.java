package com.healthconnect.media.internal;

import com.healthconnect.media.Delivery;

/** Where image bytes live: GridFS by default, Cloudinary when configured. */
public interface BlobStorage {

	StoredBlob store(String mediaId, byte[] bytes, ImageType type);

	/** The bytes or a time-limited URL for a viewer already judged allowed. */
	Delivery deliver(MediaFile file, boolean publicImage);

	/** Removes the bytes for good (the account that uploaded them was deleted). */
	void delete(MediaFile file);

	record StoredBlob(MediaFile.Storage storage, String reference, String format) {
	}
}
