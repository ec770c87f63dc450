package com.healthconnect.platform.mongo;

import java.nio.file.Path;

/** The embedded database cannot be used safely; the message names the path and the reason in one line. */
public class EmbeddedStorageException extends RuntimeException {

	private final Path path;

	EmbeddedStorageException(Path path, String reason) {
		this(path, reason, null);
	}

	EmbeddedStorageException(Path path, String reason, Throwable cause) {
		super("Embedded MongoDB storage unusable at " + path + ": " + reason, cause);
		this.path = path;
	}

	public Path path() {
		return path;
	}
}
