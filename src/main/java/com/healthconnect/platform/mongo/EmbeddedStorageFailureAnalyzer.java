package com.healthconnect.platform.mongo;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Start-up refused over the data file: the reason first, the way out second, instead of a stack trace to read. */
class EmbeddedStorageFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedStorageException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedStorageException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Fix the data directory (healthconnect.mongo.embedded.data-dir, env HEALTHCONNECT_DATA_DIR) or point "
						+ "MONGODB_URI at a real MongoDB.",
				cause);
	}
}
