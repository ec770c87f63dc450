package com.healthconnect.doctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import com.healthconnect.doctor.internal.Doctor;

/** Searches never wait for a reload of a directory that has only grown old; they do after a local write. */
class DirectorySnapshotTest {

	final MongoTemplate mongo = mock(MongoTemplate.class);
	final Doctor first = mock(Doctor.class);
	final Doctor second = mock(Doctor.class);
	final CountDownLatch reloadMayFinish = new CountDownLatch(1);
	DirectorySnapshot snapshot;

	@AfterEach
	void stop() {
		reloadMayFinish.countDown();
		if (snapshot != null) {
			snapshot.destroy();
		}
	}

	@Test
	void anOldDirectoryIsServedWhileItReloadsInTheBackground() throws Exception {
		when(mongo.find(any(Query.class), eq(Doctor.class))).thenReturn(List.of(first)).thenAnswer(call -> {
			reloadMayFinish.await(10, TimeUnit.SECONDS);
			return List.of(second);
		});
		snapshot = new DirectorySnapshot(mongo, Duration.ZERO); // always old: every search wants a reload

		assertThat(snapshot.doctors()).containsExactly(first);
		assertThat(snapshot.doctors()).containsExactly(first); // old already: starts the reload
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> verify(mongo, times(2)).find(any(Query.class), eq(Doctor.class)));
		// the reload is under way and held: searches do not wait for it, and no second reload starts
		for (int i = 0; i < 3; i++) {
			assertThat(CompletableFuture.supplyAsync(snapshot::doctors).get(2, TimeUnit.SECONDS)).containsExactly(first);
		}
		verify(mongo, times(2)).find(any(Query.class), eq(Doctor.class));

		reloadMayFinish.countDown();
		await().atMost(Duration.ofSeconds(5)).until(() -> snapshot.doctors().contains(second));
	}

	@Test
	void afterALocalWriteTheNextSearchSeesTheReloadedDirectory() {
		when(mongo.find(any(Query.class), eq(Doctor.class))).thenReturn(List.of(first)).thenReturn(List.of(second));
		snapshot = new DirectorySnapshot(mongo, Duration.ofHours(1));

		assertThat(snapshot.doctors()).containsExactly(first);
		assertThat(snapshot.doctors()).containsExactly(first);
		snapshot.invalidate();
		assertThat(snapshot.doctors()).containsExactly(second);
		verify(mongo, times(2)).find(any(Query.class), eq(Doctor.class));
	}
}
