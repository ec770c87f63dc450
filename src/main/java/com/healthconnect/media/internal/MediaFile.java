package com.healthconnect.media.internal;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import com.healthconnect.auth.Role;

/**
 * One stored image's metadata in the {@code media} collection; the bytes are in GridFS or Cloudinary.
 *
 * @param reference the GridFS file id or the Cloudinary public id
 * @param format the Cloudinary format (e.g. {@code png}), needed to sign its download URL
 * @param sharedWith users besides the owner who may see it (a chat image's receiver)
 */
@Document("media")
public record MediaFile(@Id String id, String ownerId, Role ownerRole, String contentType, long size,
		Storage storage, String reference, String format, Purpose purpose, List<String> sharedWith,
		Instant createdAt) {

	public MediaFile {
		sharedWith = sharedWith == null ? List.of() : List.copyOf(sharedWith);
	}

	public enum Storage {
		GRIDFS, CLOUDINARY
	}

	/** An upload may become a profile picture (and so public); a chat image never does. */
	public enum Purpose {
		UPLOAD, CHAT
	}
}
