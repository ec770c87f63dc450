package com.healthconnect.platform.mongo;

import java.util.List;

import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;

/** The in-memory embedded server, with the app's non-unique indexes served by {@link EqualityIndex}. */
final class IndexedMemoryBackend extends MemoryBackend {

	@Override
	public MemoryDatabase openOrCreateDatabase(String databaseName) {
		return new MemoryDatabase(databaseName, getCursorRegistry()) {

			@Override
			protected Index<Integer> openOrCreateSecondaryIndex(String collectionName, String indexName,
					List<IndexKey> keys, boolean sparse) {
				return EqualityIndex.supports(keys) ? new EqualityIndex<>(indexName, keys, sparse)
						: new EmptyIndex<>(indexName, keys);
			}
		};
	}
}
