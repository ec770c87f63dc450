package com.healthconnect.platform.mongo;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerException;
import io.netty.channel.Channel;

/**
 * mongo-java-server's H2 backend with acknowledged writes on disk: a command that changed anything returns only once
 * the MVStore has committed and synced it (shared by concurrent writers, see {@link GroupCommit}). The store is opened
 * without its 1 s background commit, and a commit waits until no write command is half-applied, so what is on disk is
 * always a state between whole commands (a document and its unique-index entry together).
 */
final class DurableH2Backend extends H2Backend {

	/** Commands that change data; they run under the shared side of {@link #writes}. */
	private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "create",
			"createindexes", "drop", "dropdatabase", "dropindexes", "renamecollection");

	private final MVStore store;
	/** Shared by write commands, taken exclusively to commit between them. */
	private final ReentrantReadWriteLock writes = new ReentrantReadWriteLock();
	private final GroupCommit commits = new GroupCommit(this::commitAndSync);

	DurableH2Backend(MVStore store) {
		super(store);
		this.store = store;
	}

	@Override
	public Document handleCommand(Channel channel, String database, String command, Document query) {
		if (!WRITES.contains(command.toLowerCase(Locale.ROOT))) {
			return super.handleCommand(channel, database, command, query);
		}
		Document reply;
		writes.readLock().lock();
		try {
			reply = super.handleCommand(channel, database, command, query);
		}
		finally {
			writes.readLock().unlock();
		}
		awaitDurable();
		return reply;
	}

	/** The H2 database, with the app's non-unique indexes served by {@link EqualityIndex} (H2 ignores them). */
	@Override
	protected MongoDatabase openOrCreateDatabase(String databaseName) {
		// called from H2Backend's constructor too, before this class's fields are set: take the store from there
		return new H2Database(databaseName, getMvStore(), getCursorRegistry()) {

			@Override
			protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName,
					List<IndexKey> keys, boolean sparse) {
				return EqualityIndex.supports(keys) ? new EqualityIndex<>(indexName, keys, sparse)
						: new EmptyIndex<>(indexName, keys);
			}
		};
	}

	/** Everything written so far is on disk when this returns. */
	void awaitDurable() {
		try {
			commits.awaitDurable();
		}
		catch (GroupCommit.NotDurableException ex) {
			// the client gets an error instead of an acknowledgement
			throw new MongoServerException(ex.getMessage(), ex);
		}
	}

	GroupCommit commits() {
		return commits;
	}

	/** Rewrites sparse chunks so the file does not grow with dead pages (the background writer did this before). */
	void compact() {
		writes.writeLock().lock();
		try {
			store.compact(50, 4 * 1024 * 1024);
		}
		finally {
			writes.writeLock().unlock();
		}
		awaitDurable();
	}

	private void commitAndSync() {
		writes.writeLock().lock();
		try {
			store.commit();
		}
		finally {
			writes.writeLock().unlock();
		}
		store.sync();
	}
}
