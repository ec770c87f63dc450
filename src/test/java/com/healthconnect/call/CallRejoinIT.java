package com.healthconnect.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import com.healthconnect.support.ApiClient;
import com.healthconnect.support.Appointments;
import com.healthconnect.support.IntegrationTest;
import com.healthconnect.support.StompTestClient;

import tools.jackson.databind.JsonNode;

/** An answered call survives a party's dropped connection for {@code rejoin-grace} (short here). */
@IntegrationTest
@TestPropertySource(properties = { "healthconnect.calls.rejoin-grace=2s", "healthconnect.calls.ring-sweep=500ms" })
class CallRejoinIT {

	static final Map<String, Object> OFFER = SignalingIT.OFFER;
	static final Map<String, Object> ANSWER = SignalingIT.ANSWER;
	static final Map<String, Object> CANDIDATE = SignalingIT.CANDIDATE;

	@LocalServerPort
	int port;

	ApiClient doctor;
	ApiClient patient;

	void connected(String name) {
		doctor = new ApiClient(port).registerDoctor("Dr " + name, "Cardiology", "Europe/Berlin");
		patient = new ApiClient(port).registerPatient(name + " Patient");
		Appointments.connect(doctor, patient);
	}

	StompTestClient tab(ApiClient user) {
		return StompTestClient.connect(port, user, SignalingIT.QUEUES);
	}

	/** The doctor calls, the patient answers in this tab: the call's id. */
	String answeredCall(StompTestClient doctorTab, StompTestClient patientTab) {
		doctorTab.send("/app/call-user", Map.of("to", patient.userId(), "offer", OFFER));
		String callId = patientTab.next("/user/queue/call-made").get("callId").asString();
		patientTab.send("/app/answer-call", Map.of("to", doctor.userId(), "answer", ANSWER, "callId", callId));
		doctorTab.next("/user/queue/call-answered");
		return callId;
	}

	JsonNode callLog(ApiClient user) {
		return user.get("/api/calls").json();
	}

	@Test
	void aPartyThatDropsRejoinsFromANewSessionAndTheTwoRenegotiateInTheSameCall() {
		connected("Rejoin");
		try (StompTestClient doctorTab = tab(doctor)) {
			String callId;
			try (StompTestClient patientTab = tab(patient)) {
				callId = answeredCall(doctorTab, patientTab);
			}
			assertThat(doctorTab.next("/user/queue/call-interrupted").get("from").asString())
				.isEqualTo(patient.userId());

			// the reloaded page: a new session, and a tab of the patient's that was open all along
			try (StompTestClient otherTab = tab(patient); StompTestClient reloaded = tab(patient)) {
				reloaded.send("/app/rejoin-call", Map.of("callId", callId));
				JsonNode rejoined = doctorTab.next("/user/queue/call-rejoined");
				assertThat(rejoined.get("from").asString()).isEqualTo(patient.userId());
				assertThat(rejoined.get("callId").asString()).isEqualTo(callId);

				// the ICE restart: an offer in the answered call, its answer and candidates, to the new session only
				doctorTab.send("/app/call-user", Map.of("to", patient.userId(), "offer", OFFER, "callId", callId));
				JsonNode restart = reloaded.next("/user/queue/call-made");
				assertThat(restart.get("callId").asString()).isEqualTo(callId);
				reloaded.send("/app/answer-call", Map.of("to", doctor.userId(), "answer", ANSWER, "callId", callId));
				assertThat(doctorTab.next("/user/queue/call-answered").get("callId").asString()).isEqualTo(callId);
				doctorTab.send("/app/ice-candidate",
						Map.of("to", patient.userId(), "candidate", CANDIDATE, "callId", callId));
				assertThat(reloaded.next("/user/queue/ice-candidate").get("callId").asString()).isEqualTo(callId);
				reloaded.send("/app/ice-candidate", Map.of("to", doctor.userId(), "candidate", CANDIDATE, "callId", callId));
				assertThat(doctorTab.next("/user/queue/ice-candidate").get("callId").asString()).isEqualTo(callId);

				// past the grace the call still runs: the rejoin ended the wait
				await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4))
					.until(() -> doctorTab.received("/user/queue/call-ended").isEmpty()
							&& reloaded.received("/user/queue/call-ended").isEmpty());
				assertThat(otherTab.received("/user/queue/call-made")).isEmpty();
				assertThat(otherTab.received("/user/queue/ice-candidate")).isEmpty();
				assertThat(reloaded.received("/user/queue/errors")).isEmpty();

				doctorTab.send("/app/end-call", Map.of("to", patient.userId(), "callId", callId));
				assertThat(reloaded.next("/user/queue/call-ended").get("callId").asString()).isEqualTo(callId);
			}
		}
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			JsonNode log = callLog(doctor);
			assertThat(log.get("totalElements").asInt()).isEqualTo(1);
			assertThat(log.get("content").get(0).get("id").asString()).isNotBlank();
			assertThat(log.get("content").get(0).get("outcome").asString()).isEqualTo("completed");
		});
		assertThat(callLog(patient).get("totalElements").asInt()).isEqualTo(1);
	}

	@Test
	void withoutARejoinWithinTheGraceBothSidesAreToldTheCallDroppedAndItIsLoggedOnce() {
		connected("Dropped");
		try (StompTestClient doctorTab = tab(doctor); StompTestClient patientOtherTab = tab(patient)) {
			String callId;
			try (StompTestClient patientTab = tab(patient)) {
				callId = answeredCall(doctorTab, patientTab);
			}
			doctorTab.next("/user/queue/call-interrupted");
			JsonNode ended = doctorTab.next("/user/queue/call-ended");
			assertThat(ended.get("callId").asString()).isEqualTo(callId);
			assertThat(ended.get("from").asString()).isEqualTo(patient.userId());
			assertThat(ended.get("reason").asString()).isEqualTo("dropped");
			// the patient's sessions are told too
			JsonNode patientSide = patientOtherTab.next("/user/queue/call-ended");
			assertThat(patientSide.get("reason").asString()).isEqualTo("dropped");
			assertThat(patientSide.get("from").asString()).isEqualTo(doctor.userId());

			// and a rejoin now is too late
			try (StompTestClient late = tab(patient)) {
				late.send("/app/rejoin-call", Map.of("callId", callId));
				JsonNode error = late.next("/user/queue/errors");
				assertThat(error.get("status").asInt()).isEqualTo(409);
				assertThat(error.get("destination").asString()).isEqualTo("/app/rejoin-call");
			}
			// the two are free again: a new call rings
			doctorTab.send("/app/call-user", Map.of("to", patient.userId(), "offer", OFFER));
			String next = patientOtherTab.next("/user/queue/call-made").get("callId").asString();
			doctorTab.send("/app/end-call", Map.of("to", patient.userId(), "callId", next));
		}
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			JsonNode log = callLog(doctor).get("content");
			assertThat(log.size()).isEqualTo(2);
			assertThat(log.get(1).get("outcome").asString()).isEqualTo("dropped");
			assertThat(log.get(1).get("answeredAt").isNull()).isFalse();
		});
	}

	@Test
	void aStrangersRejoinIsRefusedAndNothingIsRelayed() {
		connected("Stranger");
		ApiClient stranger = new ApiClient(port).registerPatient("Nosy Stranger");
		try (StompTestClient doctorTab = tab(doctor); StompTestClient patientTab = tab(patient);
				StompTestClient strangerTab = tab(stranger)) {
			String callId = answeredCall(doctorTab, patientTab);
			strangerTab.send("/app/rejoin-call", Map.of("callId", callId));
			JsonNode error = strangerTab.next("/user/queue/errors");
			assertThat(error.get("status").asInt()).isEqualTo(403);
			assertThat(error.get("destination").asString()).isEqualTo("/app/rejoin-call");
			// the call's frames still go to the patient's session, not the stranger's
			doctorTab.send("/app/call-user", Map.of("to", patient.userId(), "offer", OFFER, "callId", callId));
			assertThat(patientTab.next("/user/queue/call-made").get("callId").asString()).isEqualTo(callId);
			assertThat(doctorTab.received("/user/queue/call-rejoined")).isEmpty();
			assertThat(strangerTab.received("/user/queue/call-made")).isEmpty();

			// a malformed or unknown id is refused as well
			strangerTab.send("/app/rejoin-call", Map.of("callId", "not-a-call"));
			assertThat(strangerTab.next("/user/queue/errors").get("status").asInt()).isEqualTo(409);
			strangerTab.sendRaw("/app/rejoin-call", "{}");
			assertThat(strangerTab.next("/user/queue/errors").get("status").asInt()).isEqualTo(400);
		}
	}

	@Test
	void aRejoinAfterTheCallWasHungUpIsRefused() {
		connected("Hung Up");
		try (StompTestClient doctorTab = tab(doctor)) {
			String callId;
			try (StompTestClient patientTab = tab(patient)) {
				callId = answeredCall(doctorTab, patientTab);
			}
			doctorTab.next("/user/queue/call-interrupted");
			// the doctor gives up waiting and hangs up
			doctorTab.send("/app/end-call", Map.of("to", patient.userId(), "callId", callId));
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(callLog(doctor).get("totalElements").asInt()).isEqualTo(1));
			try (StompTestClient reloaded = tab(patient)) {
				reloaded.send("/app/rejoin-call", Map.of("callId", callId));
				assertThat(reloaded.next("/user/queue/errors").get("status").asInt()).isEqualTo(409);
				assertThat(doctorTab.received("/user/queue/call-rejoined")).isEmpty();
			}
			await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4))
				.until(() -> doctorTab.received("/user/queue/call-ended").isEmpty());
		}
		JsonNode log = callLog(doctor);
		assertThat(log.get("totalElements").asInt()).isEqualTo(1);
		assertThat(log.get("content").get(0).get("outcome").asString()).isEqualTo("completed");
	}
}
