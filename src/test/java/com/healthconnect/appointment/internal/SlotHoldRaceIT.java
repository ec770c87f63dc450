package com.healthconnect.appointment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.healthconnect.appointment.AppointmentMode;
import com.healthconnect.auth.CurrentUser;
import com.healthconnect.auth.Role;
import com.healthconnect.doctor.SlotTime;
import com.healthconnect.platform.DomainException;
import com.healthconnect.support.IntegrationTest;

/**
 * The unique holds, straight against the database the tests run on (the embedded mongo-java-server without Docker,
 * MongoDB 8 with it): of 50 simultaneous inserts, or 50 simultaneous reschedules onto one slot, exactly one wins.
 */
@IntegrationTest
class SlotHoldRaceIT {

	static final Instant NOW = Instant.now();

	@Autowired
	AppointmentStore store;

	@Test
	void fiftyInsertsForOneSlotLeaveExactlyOne() throws Exception {
		String doctorId = new ObjectId().toHexString();
		SlotTime slot = slot(1);
		List<Boolean> outcomes = race(i -> () -> {
			store.insert(Appointment.book(new ObjectId().toHexString(), doctorId, LocalDate.now(), "UTC", slot,
					AppointmentMode.VIDEO, null, NOW));
			return true;
		});
		assertThat(outcomes).filteredOn(won -> won).hasSize(1);
	}

	@Test
	void fiftyReschedulesOntoOneSlotLeaveExactlyOneAndTheOthersUntouched() throws Exception {
		String doctorId = new ObjectId().toHexString();
		List<Appointment> booked = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			booked.add(store.insert(Appointment.book(new ObjectId().toHexString(), doctorId, LocalDate.now(), "UTC",
					slot(10 + i), AppointmentMode.VIDEO, null, NOW)));
		}
		SlotTime target = slot(1);
		List<Boolean> outcomes = race(i -> () -> {
			Appointment a = store.find(booked.get(i).getId()).orElseThrow();
			a.reschedule(new CurrentUser(a.getPatientId(), Role.PATIENT), LocalDate.now(), "UTC", target, java.time.Duration.ZERO, NOW);
			store.save(a);
			return true;
		});
		assertThat(outcomes).filteredOn(won -> won).hasSize(1);
		long stillAtOldSlot = booked.stream()
			.map(a -> store.find(a.getId()).orElseThrow())
			.filter(a -> !a.getStartsAt().equals(target.startsAt()))
			.count();
		assertThat(stillAtOldSlot).isEqualTo(49);
	}

	private static List<Boolean> race(IntFunction<Callable<Boolean>> attempt) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(50);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Boolean>> futures = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			Callable<Boolean> call = attempt.apply(i);
			futures.add(pool.submit(() -> {
				start.await();
				try {
					return call.call();
				}
				catch (DomainException ex) {
					assertThat(ex.getMessage()).contains("already booked");
					return false;
				}
			}));
		}
		start.countDown();
		List<Boolean> outcomes = new ArrayList<>();
		for (Future<Boolean> f : futures) {
			outcomes.add(f.get());
		}
		pool.shutdown();
		return outcomes;
	}

	private static SlotTime slot(int hoursAhead) {
		Instant start = NOW.truncatedTo(ChronoUnit.HOURS).plus(hoursAhead + 24, ChronoUnit.HOURS);
		return new SlotTime(1, "09:00", "09:30", start, start.plus(30, ChronoUnit.MINUTES), true);
	}
}
