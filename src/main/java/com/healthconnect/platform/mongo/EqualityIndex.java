package com.healthconnect.platform.mongo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * A non-unique index for the embedded server, which otherwise ignores every index that is not unique and answers
 * each query not by {@code _id} or a unique key by reading the whole collection (a booking's overlap check read every
 * appointment). It serves queries that compare the index's first field with a string or an ObjectId, as the app's
 * {@code doctorId}, {@code patientId}, {@code userId} queries do: those read only the documents holding that value
 * (and any whose value there is an array, which may hold it); the server's matcher still checks each document
 * against the whole query, so the answer is exactly the one a scan gives. Anything else is left to the scan.
 * <p>
 * Held in memory and rebuilt from the documents when the database opens (the server fills an empty index from the
 * collection), so the file format does not change.
 */
final class EqualityIndex<P> extends Index<P> {

	private static final Object ARRAY = new Object();
	private static final Object OTHER = new Object();

	private final String field;
	private final Map<Object, Set<P>> positionsByValue = new HashMap<>();
	/** Each document's bucket and position by its {@code _id}, to move or remove it when it changes. */
	private final Map<Object, Entry<P>> byId = new HashMap<>();

	EqualityIndex(String name, List<IndexKey> keys, boolean sparse) {
		super(name, keys, sparse);
		this.field = keys.get(0).getKey();
	}

	/** Indexes whose first field is a plain (undotted) name; others are of no use here. */
	static boolean supports(List<IndexKey> keys) {
		return !keys.isEmpty() && !keys.get(0).getKey().contains(".") && !keys.get(0).getKey().startsWith("$");
	}

	private record Entry<P>(Object bucket, P position) {
	}

	private Object bucketOf(Document document) {
		Object value = document.get(field);
		if (value instanceof String || value instanceof ObjectId) {
			return value;
		}
		return value instanceof java.util.Collection ? ARRAY : OTHER;
	}

	@Override
	public synchronized P getPosition(Document document) {
		Entry<P> entry = byId.get(document.get("_id"));
		return entry == null ? null : entry.position();
	}

	@Override
	public void checkAdd(Document document, MongoCollection<P> collection) {
		// not unique: nothing to refuse
	}

	@Override
	public synchronized void add(Document document, P position, MongoCollection<P> collection) {
		Object bucket = bucketOf(document);
		positionsByValue.computeIfAbsent(bucket, b -> new LinkedHashSet<>()).add(position);
		byId.put(document.get("_id"), new Entry<>(bucket, position));
	}

	@Override
	public synchronized P remove(Document document) {
		Entry<P> entry = byId.remove(document.get("_id"));
		if (entry == null) {
			return null;
		}
		Set<P> positions = positionsByValue.get(entry.bucket());
		if (positions != null) {
			positions.remove(entry.position());
			if (positions.isEmpty()) {
				positionsByValue.remove(entry.bucket());
			}
		}
		return entry.position();
	}

	@Override
	public boolean canHandle(Document query) {
		Object value = query.get(field);
		return value instanceof String || value instanceof ObjectId;
	}

	@Override
	public synchronized Iterable<P> getPositions(Document query) {
		List<P> positions = new ArrayList<>(positionsByValue.getOrDefault(query.get(field), Set.of()));
		positions.addAll(positionsByValue.getOrDefault(ARRAY, Set.of()));
		return positions;
	}

	@Override
	public synchronized long getCount() {
		return byId.size();
	}

	@Override
	public long getDataSize() {
		return 0;
	}

	@Override
	public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
		// not unique: nothing to refuse
	}

	@Override
	public synchronized void updateInPlace(Document oldDocument, Document newDocument, P position,
			MongoCollection<P> collection) {
		remove(oldDocument);
		add(newDocument, position, collection);
	}

	@Override
	public synchronized void drop() {
		positionsByValue.clear();
		byId.clear();
	}
}
