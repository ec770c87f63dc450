package com.healthconnect.scaleout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.context.ConfigurableApplicationContext;

import com.healthconnect.support.ApiClient;
import com.healthconnect.support.Appointments;
import com.healthconnect.support.StompTestClient;

import tools.jackson.databind.JsonNode;

/**
 * The realtime scenarios with the two parties on different instances (A and B) of one application, relayed through
 * one STOMP broker: chat, typing, presence, a whole call with its candidates, busy and answered-elsewhere across
 * instances, the ring timeout fired once, the call logged once, a reconnect to the other instance, a dropped party
 * rejoining its call on the other instance, sign-out closing sockets on the other instance, an instance stopped
 * mid-call (its party rejoins elsewhere), the per-user session cap over both instances, no queue left on the broker
 * once every session closed,
 * and a broker restart. Run on an embedded Artemis ({@link CrossInstanceArtemisIT}) and on a private RabbitMQ node
 * ({@link CrossInstanceRabbitMqIT}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class CrossInstanceScenarios {

	static final String MESSAGES = "/user/queue/messages";
	static final String[] CALL_QUEUES = { "/user/queue/call-made", "/user/queue/call-answered",
			"/user/queue/ice-candidate", "/user/queue/call-ended", "/user/queue/call-failed",
			"/user/queue/call-answered-elsewhere", "/user/queue/call-interrupted", "/user/queue/call-rejoined",
			"/user/queue/errors" };
	static final Map<String, Object> OFFER = Map.of("type", "offer", "sdp", "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n");
	static final Map<String, Object> ANSWER = Map.of("type", "answer", "sdp", "v=0\r\no=- 2 2 IN IP4 127.0.0.1\r\n");

	TwoInstances cluster;
	int portA;
	int portB;

	abstract Broker broker() throws Exception;

	@BeforeAll
	void start() throws Exception {
		cluster = new TwoInstances(broker());
		portA = TwoInstances.port(cluster.start(Map.of()));
		portB = TwoInstances.port(cluster.start(Map.of()));
	}

	@AfterAll
	void stop() throws Exception {
		if (cluster != null) {
			cluster.close();
		}
	}

	ApiClient doctor(String name) {
		return new ApiClient(portA).registerDoctor(name, "General Practice", "Europe/Berlin");
	}

	ApiClient patient(String name) {
		return new ApiClient(portA).registerPatient(name);
	}

	static Map<String, Object> candidate(int n) {
		return Map.of("candidate", "candidate:" + n + " 1 udp 2122260223 10.0.0.5 " + (40000 + n) + " typ host",
				"sdpMid", "0", "sdpMLineIndex", 0);
	}

	@Test
	void chatAndTypingCrossInstancesInOrderOnceEachIntoEveryTab() {
		ApiClient doctor = doctor("Dr Across");
		ApiClient patient = patient("Patient Across");
		Appointments.connect(doctor, patient);
		try (StompTestClient patientOnA = StompTestClient.connect(portA, patient, MESSAGES, "/user/queue/typing");
				StompTestClient doctorOnB = StompTestClient.connect(portB, doctor, MESSAGES, "/user/queue/typing");
				StompTestClient doctorOnA = StompTestClient.connect(portA, doctor, MESSAGES)) {
			patientOnA.send("/app/typing", Map.of("to", doctor.userId()));
			assertThat(doctorOnB.next("/user/queue/typing").get("from").asString()).isEqualTo(patient.userId());

			for (int i = 0; i < 15; i++) {
				patientOnA.send("/app/chat.send", Map.of("to", doctor.userId(), "text", "message " + i));
			}
			for (StompTestClient tab : List.of(doctorOnB, doctorOnA)) {
				List<String> texts = new ArrayList<>();
				for (int i = 0; i < 15; i++) {
					texts.add(tab.next(MESSAGES).get("text").asString());
				}
				assertThat(texts).containsExactlyElementsOf(
						java.util.stream.IntStream.range(0, 15).mapToObj(i -> "message " + i).toList());
			}
			// nothing twice
			await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(2))
				.until(() -> doctorOnB.received(MESSAGES).isEmpty() && doctorOnA.received(MESSAGES).isEmpty());

			// a message over REST on B reaches the patient's tab on A
			ApiClient doctorViaB = doctor.on(portB);
			assertThat(doctorViaB.post("/api/messages/" + patient.userId(), Map.of("text", "From B")).status())
				.isEqualTo(201);
			assertThat(patientOnA.next(MESSAGES).get("text").asString()).isEqualTo("From B");
		}
	}

	@Test
	void presenceIsOneAnswerOverBothInstances() {
		ApiClient doctor = doctor("Dr Present");
		ApiClient patient = patient("Patient Present");
		Appointments.connect(doctor, patient);
		try (StompTestClient patientOnA = StompTestClient.connect(portA, patient, "/user/queue/presence")) {
			StompTestClient doctorOnB = StompTestClient.connect(portB, doctor);
			JsonNode online = patientOnA.next("/user/queue/presence");
			assertThat(online.get("userId").asString()).isEqualTo(doctor.userId());
			assertThat(online.get("online").asBoolean()).isTrue();
			assertThat(patient.get("/api/presence?ids=" + doctor.userId()).json().get(0).get("online").asBoolean())
				.isTrue();

			doctorOnB.close();
			JsonNode offline = patientOnA.next("/user/queue/presence");
			assertThat(offline.get("online").asBoolean()).isFalse();
			assertThat(patient.get("/api/presence?ids=" + doctor.userId()).json().get(0).get("online").asBoolean())
				.isFalse();
		}
	}

	@Test
	void aCallBetweenInstancesConnectsRelaysCandidatesInOrderAndIsLoggedOnce() {
		ApiClient doctor = doctor("Dr Caller");
		ApiClient patient = patient("Patient Callee");
		Appointments.connect(doctor, patient);
		ApiClient other = patient("Other Patient");
		Appointments.connect(doctor, other);
		try (StompTestClient doctorOnA = StompTestClient.connect(portA, doctor, CALL_QUEUES);
				StompTestClient patientOnB = StompTestClient.connect(portB, patient, CALL_QUEUES);
				StompTestClient patientOnA = StompTestClient.connect(portA, patient, CALL_QUEUES)) {
			doctorOnA.send("/app/call-user", Map.of("to", patient.userId(), "offer", OFFER, "mode", "video"));
			String callId = patientOnB.next("/user/queue/call-made").get("callId").asString();
			assertThat(patientOnA.next("/user/queue/call-made").get("callId").asString()).isEqualTo(callId);

			patientOnB.send("/app/answer-call", Map.of("to", doctor.userId(), "answer", ANSWER, "callId", callId));
			assertThat(doctorOnA.next("/user/queue/call-answered").get("callId").asString()).isEqualTo(callId);
			assertThat(patientOnA.next("/user/queue/call-answered-elsewhere").get("callId").asString())
				.isEqualTo(callId);

			for (int i = 0; i < 50; i++) {
				doctorOnA.send("/app/ice-candidate", Map.of("to", patient.userId(), "candidate", candidate(i),
						"callId", callId));
				patientOnB.send("/app/ice-candidate", Map.of("to", doctor.userId(), "candidate", candidate(i)));
			}
			for (int i = 0; i < 50; i++) {
				assertThat(patientOnB.next("/user/queue/ice-candidate").get("candidate").get("candidate").asString())
					.startsWith("candidate:" + i + " ");
				assertThat(doctorOnA.next("/user/queue/ice-candidate").get("candidate").get("candidate").asString())
					.startsWith("candidate:" + i + " ");
			}
			// after the answer only the tab in the call gets them
			assertThat(patientOnA.received("/user/queue/ice-candidate")).isEmpty();

			// a third user calling the doctor, from B, hears busy
			try (StompTestClient otherOnB = StompTestClient.connect(portB, other, CALL_QUEUES)) {
				otherOnB.send("/app/call-user", Map.of("to", doctor.userId(), "offer", OFFER));
				assertThat(otherOnB.next("/user/queue/call-failed").get("reason").asString()).isEqualTo("busy");
			}

			patientOnB.send("/app/end-call", Map.of("to", doctor.userId(), "callId", callId));
			assertThat(doctorOnA.next("/user/queue/call-ended").get("callId").asString()).isEqualTo(callId);
		}
		// logged once, as completed; the busy attempt is the doctor's other entry, a failed incoming call
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			List<String> outcomes = new ArrayList<>();
			for (JsonNode call : doctor.get("/api/calls").json().get("content")) {
				outcomes.add(call.get("peer").get("id").asString() + " " + call.get("outcome").asString());
			}
			assertThat(outcomes).containsExactlyInAnyOrder(patient.userId() + " completed",
					other.userId() + " failed");
		});
		assertThat(patient.on(portB).get("/api/calls").json().get("content")).hasSize(1);
	}

	@Test
	void anUnansweredCallTimesOutOnceWhicheverInstanceHoldsWhom() {
		ApiClient doctor = doctor("Dr Unanswered");
		ApiClient patient = patient("Patient Away");
		Appointments.connect(doctor, patient);
		try (StompTestClient doctorOnA = StompTestClient.connect(portA, doctor, CALL_QUEUES);
				StompTestClient patientOnB = StompTestClient.connect(portB, patient, CALL_QUEUES)) {
			doctorOnA.send("/app/call-user", Map.of("to", patient.userId(), "offer", OFFER));
			String callId = patientOnB.next("/user/queue/call-made").get("callId").asString();
			assertThat(doctorOnA.next("/user/queue/call-failed").get("reason").asString()).isEqualTo("no-answer");
			assertThat(patientOnB.next("/user/queue/call-ended").get("callId").asString()).isEqualTo(callId);
			await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
				.until(() -> doctorOnA.received("/user/queue/call-failed").isEmpty()
						&& patientOnB.received("/user/queue/call-ended").isEmpty());
		}
		JsonNode calls = doctor.get("/api/calls").json().get("content");
		assertThat(calls).hasSize(1);
		assertThat(calls.get(0).get("outcome").asString()).isEqualTo("missed");
	}

	@Test
	void aUserWhoReconnectsToTheOtherInstanceGetsWhatIsSentRightAfterConnected() {
		ApiClient doctor = doctor("Dr Steady");
		ApiClient patient = patient("Patient Moving");
		Appointments.connect(doctor, patient);
		try (StompTestClient doctorOnA = StompTestClient.connect(portA, doctor, MESSAGES)) {
			StompTestClient patientOnA = StompTestClient.connect(portA, patient, MESSAGES);
			patientOnA.close();
			try (StompTestClient patientOnB = StompTestClient.connect(portB, patient, MESSAGES)) {
				// connect() returns once the subscriptions are in place; what is sent now arrives
				for (int i = 0; i < 10; i++) {
					doctorOnA.send("/app/chat.send", Map.of("to", patient.userId(), "text", "after move " + i));
				}
				for (int i = 0; i < 10; i++) {
					assertThat(patientOnB.next(MESSAGES).get("text").asString()).isEqualTo("after move " + i);
				}
			}
		}
	}

	@Test
	void theSessionCapCountsAUsersSessionsOnBothInstances() {
		ApiClient patient = patient("Patient Of Many Tabs");
		List<StompTestClient> tabs = new ArrayList<>();
		try {
			// the default cap of 10: six tabs on A, four on B
			for (int i = 0; i < 10; i++) {
				tabs.add(StompTestClient.connect(i < 6 ? portA : portB, patient));
			}
			for (int port : new int[] { portA, portB }) {
				StompTestClient.Attempt eleventh = StompTestClient.attempt(port, patient);
				assertThat(eleventh.client()).as("an eleventh on either instance").isNull();
				assertThat(eleventh.failure()).hasMessageContaining("429");
			}

			// a tab closed on B frees a place on A
			tabs.remove(tabs.size() - 1).close();
			await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
				StompTestClient.Attempt again = StompTestClient.attempt(portA, patient);
				assertThat(again.client()).isNotNull();
				tabs.add(again.client());
			});
			assertThat(tabs).allMatch(StompTestClient::isConnected);
		}
		finally {
			tabs.forEach(StompTestClient::close);
		}
	}

	@Test
	void signingOutOnOneInstanceClosesTheSocketsOnTheOther() {
		ApiClient patient = patient("Patient Leaving");
		try (StompTestClient onB = StompTestClient.connect(portB, patient)) {
			assertThat(patient.post("/api/auth/logout", Map.of()).status()).isEqualTo(204);
			await().atMost(Duration.ofSeconds(5)).until(() -> !onB.isConnected());
		}
	}

	@Test
	void aPartyWhoseConnectionDroppedRejoinsTheCallOnTheOtherInstance() {
		ApiClient doctor = doctor("Dr Waiting");
		ApiClient patient = patient("Patient Switching Networks");
		Appointments.connect(doctor, patient);
		try (StompTestClient doctorOnA = StompTestClient.connect(portA, doctor, CALL_QUEUES)) {
			String callId;
			try (StompTestClient patientOnB = StompTestClient.connect(portB, patient, CALL_QUEUES)) {
				doctorOnA.send("/app/call-user", Map.of("to", patient.userId(), "offer", OFFER));
				callId = patientOnB.next("/user/queue/call-made").get("callId").asString();
				patientOnB.send("/app/answer-call", Map.of("to", doctor.userId(), "answer", ANSWER, "callId", callId));
				doctorOnA.next("/user/queue/call-answered");
			}
			assertThat(doctorOnA.next("/user/queue/call-interrupted").get("from").asString())
				.isEqualTo(patient.userId());
			try (StompTestClient patientOnA = StompTestClient.connect(portA, patient, CALL_QUEUES)) {
				patientOnA.send("/app/rejoin-call", Map.of("callId", callId));
				assertThat(doctorOnA.next("/user/queue/call-rejoined").get("callId").asString()).isEqualTo(callId);
				// the doctor's ICE restart and the patient's answer and candidates, through the patient's new session
				doctorOnA.send("/app/call-user", Map.of("to", patient.userId(), "offer", OFFER, "callId", callId));
				assertThat(patientOnA.next("/user/queue/call-made").get("callId").asString()).isEqualTo(callId);
				patientOnA.send("/app/answer-call", Map.of("to", doctor.userId(), "answer", ANSWER, "callId", callId));
				assertThat(doctorOnA.next("/user/queue/call-answered").get("callId").asString()).isEqualTo(callId);
				for (int i = 0; i < 5; i++) {
					doctorOnA.send("/app/ice-candidate", Map.of("to", patient.userId(), "candidate", candidate(i),
							"callId", callId));
					patientOnA.send("/app/ice-candidate", Map.of("to", doctor.userId(), "candidate", candidate(i),
							"callId", callId));
				}
				for (int i = 0; i < 5; i++) {
					assertThat(patientOnA.next("/user/queue/ice-candidate").get("candidate").get("candidate").asString())
						.startsWith("candidate:" + i + " ");
					assertThat(doctorOnA.next("/user/queue/ice-candidate").get("candidate").get("candidate").asString())
						.startsWith("candidate:" + i + " ");
				}
				patientOnA.send("/app/end-call", Map.of("to", doctor.userId(), "callId", callId));
				assertThat(doctorOnA.next("/user/queue/call-ended").get("callId").asString()).isEqualTo(callId);
				assertThat(patientOnA.received("/user/queue/errors")).isEmpty();
			}
		}
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			JsonNode calls = doctor.get("/api/calls").json().get("content");
			assertThat(calls).hasSize(1);
			assertThat(calls.get(0).get("outcome").asString()).isEqualTo("completed");
		});
	}

	@Test
	@Order(Integer.MAX_VALUE - 30)
	void anInstanceStoppedMidCallInterruptsTheCallAndItsPartyRejoinsOnAnotherInstance() {
		ConfigurableApplicationContext instanceC = cluster.start(Map.of());
		int portC = TwoInstances.port(instanceC);
		ApiClient doctor = doctor("Dr Stranded");
		ApiClient patient = patient("Patient Stranded");
		Appointments.connect(doctor, patient);
		try (StompTestClient patientOnA = StompTestClient.connect(portA, patient, CALL_QUEUES)) {
			StompTestClient doctorOnC = StompTestClient.connect(portC, doctor, CALL_QUEUES);
			doctorOnC.send("/app/call-user", Map.of("to", patient.userId(), "offer", OFFER));
			String callId = patientOnA.next("/user/queue/call-made").get("callId").asString();
			patientOnA.send("/app/answer-call", Map.of("to", doctor.userId(), "answer", ANSWER, "callId", callId));
			doctorOnC.next("/user/queue/call-answered");

			instanceC.close();
			// the instances still running notice, and the call waits for the doctor instead of ending
			JsonNode interrupted = patientOnA.next("/user/queue/call-interrupted");
			assertThat(interrupted.get("callId").asString()).isEqualTo(callId);
			assertThat(interrupted.get("from").asString()).isEqualTo(doctor.userId());
			assertThat(patientOnA.received("/user/queue/call-ended")).isEmpty();

			try (StompTestClient doctorOnB = StompTestClient.connect(portB, doctor, CALL_QUEUES)) {
				doctorOnB.send("/app/rejoin-call", Map.of("callId", callId));
				assertThat(patientOnA.next("/user/queue/call-rejoined").get("from").asString())
					.isEqualTo(doctor.userId());
				patientOnA.send("/app/call-user", Map.of("to", doctor.userId(), "offer", OFFER, "callId", callId));
				assertThat(doctorOnB.next("/user/queue/call-made").get("callId").asString()).isEqualTo(callId);
				doctorOnB.send("/app/end-call", Map.of("to", patient.userId(), "callId", callId));
				assertThat(patientOnA.next("/user/queue/call-ended").get("callId").asString()).isEqualTo(callId);
			}
			// both are free again: the doctor, gone now, is offline rather than busy
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				patientOnA.send("/app/call-user", Map.of("to", doctor.userId(), "offer", OFFER));
				assertThat(patientOnA.next("/user/queue/call-failed").get("reason").asString()).isEqualTo("offline");
			});
		}
	}

	@Test
	@Order(Integer.MAX_VALUE - 10)
	void afterABrokerRestartTheRelayReconnectsAndDeliveryResumes() throws Exception {
		ApiClient doctor = doctor("Dr Restart");
		ApiClient patient = patient("Patient Restart");
		cluster.broker.stop();
		// while the broker is away a booking is stored and answered as ever; only its push is lost
		Appointments.connect(doctor, patient);
		cluster.broker.start();
		// the relay's own connection comes back within its reconnect delay; clients reconnect as browsers do
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().untilAsserted(() -> {
			try (StompTestClient doctorOnA = StompTestClient.connect(portA, doctor, MESSAGES);
					StompTestClient patientOnB = StompTestClient.connect(portB, patient, MESSAGES)) {
				doctorOnA.send("/app/chat.send", Map.of("to", patient.userId(), "text", "after restart"));
				assertThat(patientOnB.next(MESSAGES).get("text").asString()).isEqualTo("after restart");
			}
		});
	}

	@Test
	@Order(Integer.MAX_VALUE - 20)
	void noUserQueueIsLeftOnTheBrokerOnceSessionsClose() throws Exception {
		ApiClient doctor = doctor("Dr Tidy");
		ApiClient patient = patient("Patient Tidy");
		Appointments.connect(doctor, patient);
		try (StompTestClient doctorOnA = StompTestClient.connect(portA, doctor, CALL_QUEUES);
				StompTestClient patientOnB = StompTestClient.connect(portB, patient, CALL_QUEUES)) {
			doctorOnA.send("/app/chat.send", Map.of("to", patient.userId(), "text", "hello"));
			assertThat(cluster.broker.userQueues()).isNotEmpty();
		}
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(cluster.broker.userQueues()).isEmpty());
	}
}
