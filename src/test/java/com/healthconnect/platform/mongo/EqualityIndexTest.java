package com.healthconnect.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;

import de.bwaldvogel.mongo.backend.IndexKey;

/**
 * The embedded server answers a query on a non-unique index's first field from the documents holding that value,
 * with exactly the answer a scan gives: after inserts, updates that move a document to another value, deletes,
 * array values, other types, and (on the file) a restart, when the index is rebuilt from the documents.
 */
class EqualityIndexTest {

	@TempDir
	Path dataDir;

	@Test
	void memoryStorageAnswersLikeAScan() {
		try (EmbeddedMongo mongo = start(EmbeddedMongoProperties.Storage.MEMORY)) {
			withAppointments(mongo, appointments -> {
				fill(appointments);
				assertLikeAScan(appointments);
				return null;
			});
		}
	}

	@Test
	void fileStorageAnswersLikeAScanAndRebuildsTheIndexAfterARestart() {
		try (EmbeddedMongo mongo = start(EmbeddedMongoProperties.Storage.FILE)) {
			withAppointments(mongo, appointments -> {
				fill(appointments);
				assertLikeAScan(appointments);
				return null;
			});
		}
		try (EmbeddedMongo mongo = start(EmbeddedMongoProperties.Storage.FILE)) {
			withAppointments(mongo, appointments -> {
				assertLikeAScan(appointments);
				appointments.insertOne(new Document("doctorId", "d1").append("n", 99));
				assertThat(ids(appointments, Filters.eq("doctorId", "d1"))).hasSize(4);
				return null;
			});
		}
	}

	@Test
	void aQueryReadsOnlyTheDocumentsHoldingTheValueAndThoseWithArrays() {
		EqualityIndex<Integer> index = new EqualityIndex<>("doctor_starts",
				List.of(new IndexKey("doctorId", true), new IndexKey("startsAt", true)), false);
		for (int i = 0; i < 1000; i++) {
			index.add(new de.bwaldvogel.mongo.bson.Document("_id", i).append("doctorId", "d" + (i % 100)), i, null);
		}
		index.add(new de.bwaldvogel.mongo.bson.Document("_id", 1000).append("doctorId", List.of("d7", "d8")), 1000, null);
		de.bwaldvogel.mongo.bson.Document query = new de.bwaldvogel.mongo.bson.Document("doctorId", "d7")
			.append("status", new de.bwaldvogel.mongo.bson.Document("$in", List.of("pending")));
		assertThat(index.canHandle(query)).isTrue();
		assertThat(index.getPositions(query)).containsExactlyInAnyOrder(7, 107, 207, 307, 407, 507, 607, 707, 807, 907,
				1000);
		assertThat(index.remove(new de.bwaldvogel.mongo.bson.Document("_id", 107))).isEqualTo(107);
		assertThat(index.getPositions(query)).hasSize(10).doesNotContain(107);
		assertThat(index.canHandle(new de.bwaldvogel.mongo.bson.Document("status", "pending"))).isFalse();
		assertThat(index.canHandle(new de.bwaldvogel.mongo.bson.Document("doctorId",
				new de.bwaldvogel.mongo.bson.Document("$in", List.of("d1"))))).isFalse();
	}

	private EmbeddedMongo start(EmbeddedMongoProperties.Storage storage) {
		return new EmbeddedMongo(new EmbeddedMongoProperties(true, storage, dataDir, "healthconnect"));
	}

	private static void withAppointments(EmbeddedMongo mongo, Function<MongoCollection<Document>, Void> work) {
		try (MongoClient client = MongoClients.create(mongo.connectionString())) {
			MongoCollection<Document> appointments = client.getDatabase("healthconnect").getCollection("appointments");
			appointments.createIndex(Indexes.ascending("doctorId", "startsAt"), new IndexOptions().name("doctor_starts"));
			work.apply(appointments);
		}
	}

	private static void fill(MongoCollection<Document> appointments) {
		ObjectId doctorAsId = new ObjectId("5f0000000000000000000001");
		appointments.insertMany(List.of(new Document("_id", 1).append("doctorId", "d1").append("n", 1),
				new Document("_id", 2).append("doctorId", "d1").append("n", 2),
				new Document("_id", 3).append("doctorId", "d2").append("n", 3),
				new Document("_id", 4).append("doctorId", List.of("d1", "d3")).append("n", 4),
				new Document("_id", 5).append("doctorId", 5).append("n", 5),
				new Document("_id", 6).append("n", 6),
				new Document("_id", 7).append("doctorId", doctorAsId).append("n", 7),
				new Document("_id", 8).append("doctorId", "d2").append("n", 8)));
		// moved to another doctor, removed, and one untouched field changed
		appointments.updateOne(Filters.eq("_id", 3), Updates.set("doctorId", "d1"));
		appointments.deleteOne(Filters.eq("_id", 2));
		appointments.updateOne(Filters.eq("_id", 8), Updates.set("n", 80));
	}

	private static void assertLikeAScan(MongoCollection<Document> appointments) {
		assertThat(ids(appointments, Filters.eq("doctorId", "d1"))).containsExactlyInAnyOrder(1, 3, 4);
		assertThat(ids(appointments, Filters.eq("doctorId", "d3"))).containsExactly(4);
		assertThat(ids(appointments, Filters.eq("doctorId", "d2"))).containsExactly(8);
		assertThat(ids(appointments, Filters.and(Filters.eq("doctorId", "d1"), Filters.gt("n", 1))))
			.containsExactlyInAnyOrder(3, 4);
		assertThat(ids(appointments, Filters.eq("doctorId", new ObjectId("5f0000000000000000000001")))).containsExactly(7);
		assertThat(ids(appointments, Filters.eq("doctorId", "nobody"))).isEmpty();
		// not by equality with a string or an id: the scan, as before
		assertThat(ids(appointments, Filters.eq("doctorId", 5))).containsExactly(5);
		assertThat(ids(appointments, Filters.in("doctorId", "d2", "d3"))).containsExactlyInAnyOrder(4, 8);
		assertThat(ids(appointments, Filters.exists("doctorId", false))).containsExactly(6);
	}

	private static List<Object> ids(MongoCollection<Document> collection, org.bson.conversions.Bson filter) {
		return collection.find(filter).map(d -> d.get("_id")).into(new java.util.ArrayList<>());
	}
}
