package com.healthconnect.media.internal;

import java.util.Optional;

/** The image formats accepted, recognised by their first bytes (magic numbers), never by name or declared type. */
public enum ImageType {

	JPEG("image/jpeg"), PNG("image/png"), GIF("image/gif"), WEBP("image/webp");

	private final String contentType;

	ImageType(String contentType) {
		this.contentType = contentType;
	}

	public String contentType() {
		return contentType;
	}

	public static Optional<ImageType> sniff(byte[] bytes) {
		if (startsWith(bytes, 0, 0xFF, 0xD8, 0xFF)) {
			return Optional.of(JPEG);
		}
		if (startsWith(bytes, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
			return Optional.of(PNG);
		}
		if (startsWith(bytes, 0, 'G', 'I', 'F', '8', '7', 'a') || startsWith(bytes, 0, 'G', 'I', 'F', '8', '9', 'a')) {
			return Optional.of(GIF);
		}
		if (startsWith(bytes, 0, 'R', 'I', 'F', 'F') && startsWith(bytes, 8, 'W', 'E', 'B', 'P')) {
			return Optional.of(WEBP);
		}
		return Optional.empty();
	}

	private static boolean startsWith(byte[] bytes, int offset, int... magic) {
		if (bytes.length < offset + magic.length) {
			return false;
		}
		for (int i = 0; i < magic.length; i++) {
			if ((bytes[offset + i] & 0xFF) != magic[i]) {
				return false;
			}
		}
		return true;
	}
}
