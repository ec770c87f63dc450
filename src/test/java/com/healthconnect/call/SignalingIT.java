package com.healthconnect.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.healthconnect.support.ApiClient;
import com.healthconnect.support.Appointments;
import com.healthconnect.support.IntegrationTest;
import com.healthconnect.support.StompTestClient;

import tools.jackson.databind.JsonNode;

@IntegrationTest
class SignalingIT {

	static final String[] QUEUES = { "/user/queue/call-made", "/user/queue/call-answered",
			"/user/queue/ice-candidate", "/user/queue/call-rejected", "/user/queue/call-ended",
			"/user/queue/call-failed", "/user/queue/call-answered-elsewhere", "/user/queue/call-interrupted", "/user/queue/call-rejoined",
			"/user/queue/errors" };

	static final Map<String, Object> OFFER = Map.of("type", "offer", "sdp", "v=0\r\no=- 46117 2 IN IP4 127.0.0.1\r\n");
	static final Map<String, Object> ANSWER = Map.of("type", "answer", "sdp", "v=0\r\no=- 99 2 IN IP4 127.0.0.1\r\n");
	static final Map<String, Object> CANDIDATE = Map.of("candidate",
			"candidate:1 1 udp 2122260223 192.168.1.5 54321 typ host", "sdpMid", "0", "sdpMLineIndex", 0);

	@LocalServerPort
	int port;



	ApiClient doctor(String name) {
		return new ApiClient(port).registerDoctor(name, "Cardiology", "Europe/Berlin");
	}

	ApiClient patient(String name) {
		return new ApiClient(port).registerPatient(name);
	}

	StompTestClient tab(ApiClient user) {
		return StompTestClient.connect(port, user, QUEUES);
	}

	@Test
	void everySignalingEventIsRelayedDoctorToPatientAndBack() {
		ApiClient doctor = doctor("Dr Relay");
		ApiClient patient = patient("Relay Patient");
		Appointments.connect(doctor, patient);
		try (StompTestClient doctorTab = tab(doctor); StompTestClient patientTab = tab(patient)) {
			doctorTab.send("/app/call-user", Map.of("to", patient.userId(), "offer", OFFER, "mode", "video"));
			JsonNode made = patientTab.next("/user/queue/call-made");
			assertThat(made.get("from").asString()).isEqualTo(doctor.userId());
			assertThat(made.get("fromName").asString()).isEqualTo("Dr Relay");
			assertThat(made.get("offer").get("sdp").asString()).isEqualTo(OFFER.get("sdp"));
			String callId = made.get("callId").asString();
			assertThat(callId).matches("[0-9a-f]{24}");

			doctorTab.send("/app/ice-candidate", Map.of("to", patient.userId(), "candidate", CANDIDATE, "callId", callId));
			JsonNode toPatient = patientTab.next("/user/queue/ice-candidate");
			assertThat(toPatient.get("from").asString()).isEqualTo(doctor.userId());
			assertThat(toPatient.get("candidate").get("candidate").asString()).isEqualTo(CANDIDATE.get("candidate"));
			assertThat(toPatient.get("callId").asString()).isEqualTo(callId);

			patientTab.send("/app/answer-call", Map.of("to", doctor.userId(), "answer", ANSWER, "callId", callId));
			JsonNode answered = doctorTab.next("/user/queue/call-answered");
			assertThat(answered.get("from").asString()).isEqualTo(patient.userId());
			assertThat(answered.get("answer").get("type").asString()).isEqualTo("answer");
			assertThat(answered.get("callId").asString()).isEqualTo(callId);

			// callId is optional on candidates: the server fills in the call the two are in
			patientTab.send("/app/ice-candidate", Map.of("to", doctor.userId(), "candidate", CANDIDATE));
			JsonNode toDoctor = doctorTab.next("/user/queue/ice-candidate");
			assertThat(toDoctor.get("from").asString()).isEqualTo(patient.userId());
			assertThat(toDoctor.get("callId").asString()).isEqualTo(callId);

			patientTab.send("/app/end-call", Map.of("to", doctor.userId(), "callId", callId));
			JsonNode ended = doctorTab.next("/user/queue/call-ended");
			assertThat(ended.get("from").asString()).isEqualTo(patient.userId());
			assertThat(ended.get("callId").asString()).isEqualTo(callId);

			// a second call, rejected by the patient
			doctorTab.send("/app/call-user", Map.of("to", patient.userId(), "offer", OFFER));
			String second = patientTab.next("/user/queue/call-made").get("callId").asString();
			patientTab.send("/app/reject-call", Map.of("to", doctor.userId(), "callId", second));
			JsonNode rejected = doctorTab.next("/user/queue/call-rejected");
			assertThat(rejected.get("from").asString()).isEqualTo(patient.userId());
			assertThat(rejected.get("callId").asString()).isEqualTo(second);

			// and one the doctor hangs up on while it rings: the caller has not been told the call's id yet
			doctorTab.send("/app/call-user", Map.of("to", patient.userId(), "offer", OFFER));
			String third = patientTab.next("/user/queue/call-made").get("callId").asString();
			doctorTab.send("/app/end-call", Map.of("to", patient.userId()));
			assertThat(patientTab.next("/user/queue/call-ended").get("callId").asString()).isEqualTo(third);
			// the two are free again: a new call rings rather than 'busy'
			doctorTab.send("/app/call-user", Map.of("to", patient.userId(), "offer", OFFER));
			String fourth = patientTab.next("/user/queue/call-made").get("callId").asString();
			doctorTab.send("/app/end-call", Map.of("to", patient.userId(), "callId", fourth));
			assertThat(patientTab.next("/user/queue/call-ended").get("callId").asString()).isEqualTo(fourth);

			assertThat(doctorTab.received("/user/queue/errors")).isEmpty();
			assertThat(patientTab.received("/user/queue/errors")).isEmpty();
		}

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			JsonNode log = doctor.get("/api/calls").json();
			assertThat(log.get("totalElements").asInt()).isEqualTo(4);
		});
		JsonNode log = doctor.get("/api/calls").json().get("content");
		// newest first: the two hung up while ringing, the rejected one, the completed consultation
		assertThat(log.get(0).get("outcome").asString()).isEqualTo("missed");
		assertThat(log.get(1).get("outcome").asString()).isEqualTo("missed");
		assertThat(log.get(2).get("outcome").asString()).isEqualTo("rejected");
		JsonNode completed = log.get(3);
		assertThat(completed.get("outcome").asString()).isEqualTo("completed");
		assertThat(completed.get("peer").get("id").asString()).isEqualTo(patient.userId());
		assertThat(completed.get("peer").get("name").asString()).isEqualTo("Relay Patient");
		assertThat(completed.get("peer").get("role").asString()).isEqualTo("patient");
		assertThat(completed.get("answeredAt").isNull()).isFalse();
		assertThat(completed.get("endedAt").isNull()).isFalse();
		JsonNode patientsLog = patient.get("/api/calls").json().get("content");
		assertThat(patientsLog.get(3).get("peer").get("name").asString()).isEqualTo("Dr Relay");
		assertThat(patientsLog.get(3).get("direction").asString()).isEqualTo("incoming");
	}

	@Test
	void anIceRestartOfferWithinAnAnsweredCallIsRelayedNotBusy() {
		ApiClient doctor = doctor("Dr Restart");
		ApiClient patient = patient("Restart Patient");
		Appointments.connect(doctor, patient);
		try (StompTestClient doctorTab = tab(doctor); StompTestClient patientTab = tab(patient)) {
			doctorTab.send("/app/call-user", Map.of("to", patient.userId(), "offer", OFFER, "mode", "video"));
			String callId = patientTab.next("/user/queue/call-made").get("callId").asString();
			patientTab.send("/app/answer-call", Map.of("to", doctor.userId(), "answer", ANSWER, "callId", callId));
			doctorTab.next("/user/queue/call-answered");

			// the connection failed: the caller restarts ICE with a new offer in the same call
			Map<String, String> restartOffer = Map.of("type", "offer", "sdp", "v=0 restart");
			doctorTab.send("/app/call-user",
					Map.of("to", patient.userId(), "offer", restartOffer, "mode", "video", "callId", callId));
			JsonNode renegotiation = patientTab.next("/user/queue/call-made");
			assertThat(renegotiation.get("callId").asString()).isEqualTo(callId);
			assertThat(renegotiation.get("offer").get("sdp").asString()).isEqualTo("v=0 restart");

			Map<String, String> restartAnswer = Map.of("type", "answer", "sdp", "v=0 restart answer");
			patientTab.send("/app/answer-call", Map.of("to", doctor.userId(), "answer", restartAnswer, "callId", callId));
			JsonNode answered = doctorTab.next("/user/queue/call-answered");
			assertThat(answered.get("answer").get("sdp").asString()).isEqualTo("v=0 restart answer");

			assertThat(doctorTab.received("/user/queue/call-failed")).isEmpty();
			assertThat(doctorTab.received("/user/queue/errors")).isEmpty();
			assertThat(patientTab.received("/user/queue/errors")).isEmpty();

			// a restart offer for a call that has ended is refused, and nothing is relayed
			doctorTab.send("/app/end-call", Map.of("to", patient.userId(), "callId", callId));
			patientTab.next("/user/queue/call-ended");
			doctorTab.send("/app/call-user",
					Map.of("to", patient.userId(), "offer", restartOffer, "mode", "video", "callId", callId));
			assertThat(doctorTab.next("/user/queue/errors").get("status").asInt()).isEqualTo(409);
		}
	}

	@Test
	void everyTabRingsAndTheOthersStopWhenOneAnswers() {
		ApiClient doctor = doctor("Dr Tabs");
		ApiClient patient = patient("Two Tabs");
		Appointments.connect(doctor, patient);
		try (StompTestClient doctorTab = tab(doctor); StompTestClient phone = tab(patient);
				StompTestClient laptop = tab(patient)) {
			doctorTab.send("/app/call-user", Map.of("to", patient.userId(), "offer", OFFER));
			String callId = phone.next("/user/queue/call-made").get("callId").asString();
			assertThat(laptop.next("/user/queue/call-made").get("callId").asString()).isEqualTo(callId);

			phone.send("/app/answer-call", Map.of("to", doctor.userId(), "answer", ANSWER, "callId", callId));
			assertThat(doctorTab.next("/user/queue/call-answered").get("callId").asString()).isEqualTo(callId);
			assertThat(laptop.next("/user/queue/call-answered-elsewhere").get("callId").asString()).isEqualTo(callId);

			// answering again from the other tab is refused: the call is no longer ringing
			laptop.send("/app/answer-call", Map.of("to", doctor.userId(), "answer", ANSWER, "callId", callId));
			JsonNode error = laptop.next("/user/queue/errors");
			assertThat(error.get("status").asInt()).isEqualTo(409);
			assertThat(error.get("destination").asString()).isEqualTo("/app/answer-call");

			// after the answer, the doctor's candidates reach only the tab in the call
			doctorTab.send("/app/ice-candidate", Map.of("to", patient.userId(), "candidate", CANDIDATE, "callId", callId));
			assertThat(phone.next("/user/queue/ice-candidate").get("callId").asString()).isEqualTo(callId);
			laptop.awaitReady();
			assertThat(laptop.received("/user/queue/ice-candidate")).isEmpty();
			assertThat(phone.received("/user/queue/call-answered-elsewhere")).isEmpty();
		}
	}

	@Test
	void callingAnOfflineOrBusyPatientFails() {
		ApiClient doctor = doctor("Dr Offline");
		ApiClient otherDoctor = doctor("Dr Second");
		ApiClient patient = patient("Busy Patient");
		Appointments.connect(doctor, patient);
		Appointments.connect(otherDoctor, patient);
		try (StompTestClient doctorTab = tab(doctor); StompTestClient otherTab = tab(otherDoctor)) {
			doctorTab.send("/app/call-user", Map.of("to", patient.userId(), "offer", OFFER));
			JsonNode offline = doctorTab.next("/user/queue/call-failed");
			assertThat(offline.get("to").asString()).isEqualTo(patient.userId());
			assertThat(offline.get("reason").asString()).isEqualTo("offline");

			try (StompTestClient patientTab = tab(patient)) {
				doctorTab.send("/app/call-user", Map.of("to", patient.userId(), "offer", OFFER));
				String callId = patientTab.next("/user/queue/call-made").get("callId").asString();
				patientTab.send("/app/answer-call", Map.of("to", doctor.userId(), "answer", ANSWER, "callId", callId));
				doctorTab.next("/user/queue/call-answered");

				otherTab.send("/app/call-user", Map.of("to", patient.userId(), "offer", OFFER));
				JsonNode busy = otherTab.next("/user/queue/call-failed");
				assertThat(busy.get("to").asString()).isEqualTo(patient.userId());
				assertThat(busy.get("reason").asString()).isEqualTo("busy");
				patientTab.awaitReady();
				assertThat(patientTab.queue("/user/queue/call-made")).isEmpty();
			}
		}
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				otherDoctor.get("/api/calls").json().get("content").get(0).get("outcome").asString())
			.isEqualTo("failed"));
	}

	@Test
	void anUnansweredCallEndsAfterTheRingTimeoutAndIsLoggedMissed() {
		ApiClient doctor = doctor("Dr Ring");
		ApiClient patient = patient("No Answer");
		Appointments.connect(doctor, patient);
		try (StompTestClient doctorTab = tab(doctor); StompTestClient patientTab = tab(patient)) {
			doctorTab.send("/app/call-user", Map.of("to", patient.userId(), "offer", OFFER));
			String callId = patientTab.next("/user/queue/call-made").get("callId").asString();

			JsonNode failed = doctorTab.next("/user/queue/call-failed");
			assertThat(failed.get("reason").asString()).isEqualTo("no-answer");
			assertThat(failed.get("callId").asString()).isEqualTo(callId);
			JsonNode ended = patientTab.next("/user/queue/call-ended");
			assertThat(ended.get("reason").asString()).isEqualTo("no-answer");
			assertThat(ended.get("from").asString()).isEqualTo(doctor.userId());

			// too late to answer now
			patientTab.send("/app/answer-call", Map.of("to", doctor.userId(), "answer", ANSWER, "callId", callId));
			assertThat(patientTab.next("/user/queue/errors").get("status").asInt()).isEqualTo(409);
		}
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			JsonNode call = patient.get("/api/calls").json().get("content").get(0);
			assertThat(call.get("outcome").asString()).isEqualTo("missed");
			assertThat(call.get("answeredAt").isNull()).isTrue();
		});
	}

	@Test
	void signalingToSomeoneWithoutAnAppointmentIsRefusedAndNothingIsRelayed() {
		ApiClient doctor = doctor("Dr Stranger");
		ApiClient stranger = patient("Stranger");
		try (StompTestClient doctorTab = tab(doctor); StompTestClient strangerTab = tab(stranger)) {
			Map<String, Map<String, Object>> frames = Map.of(
					"/app/call-user", Map.of("to", stranger.userId(), "offer", OFFER),
					"/app/ice-candidate", Map.of("to", stranger.userId(), "candidate", CANDIDATE),
					"/app/end-call", Map.of("to", stranger.userId(), "callId", "0123456789abcdef01234567"));
			for (String destination : frames.keySet()) {
				doctorTab.send(destination, frames.get(destination));
				JsonNode error = doctorTab.next("/user/queue/errors");
				assertThat(error.get("status").asInt()).as(destination).isEqualTo(403);
				assertThat(error.get("title").asString()).isEqualTo("Forbidden");
				assertThat(error.get("detail").asString()).contains("appointment");
				assertThat(error.get("destination").asString()).isEqualTo(destination);
			}
			strangerTab.awaitReady();
			assertThat(strangerTab.received("/user/queue/call-made")).isEmpty();
			assertThat(strangerTab.received("/user/queue/ice-candidate")).isEmpty();
			assertThat(strangerTab.received("/user/queue/call-ended")).isEmpty();
			assertThat(doctorTab.isConnected()).isTrue();
		}
	}

	@Test
	void malformedSignalingPayloadsGetA400AndTheSocketStaysOpen() {
		ApiClient doctor = doctor("Dr Malformed");
		ApiClient patient = patient("Malformed Patient");
		Appointments.connect(doctor, patient);
		try (StompTestClient doctorTab = tab(doctor)) {
			doctorTab.sendRaw("/app/call-user", "{not json");
			assertThat(doctorTab.next("/user/queue/errors").get("status").asInt()).isEqualTo(400);
			doctorTab.sendRaw("/app/call-user", "{\"to\":\"" + patient.userId() + "\"}");
			JsonNode missingOffer = doctorTab.next("/user/queue/errors");
			assertThat(missingOffer.get("status").asInt()).isEqualTo(400);
			assertThat(missingOffer.get("detail").asString()).contains("offer");
			doctorTab.sendRaw("/app/call-user", "{\"to\":\"" + patient.userId() + "\",\"offer\":{},\"from\":\"x\"}");
			assertThat(doctorTab.next("/user/queue/errors").get("status").asInt()).isEqualTo(400);
			assertThat(doctorTab.isConnected()).isTrue();
		}
	}

	@Test
	void aPartyDisconnectingMidCallInterruptsItForTheOtherInsteadOfEndingIt() {
		ApiClient doctor = doctor("Dr Drop");
		ApiClient patient = patient("Dropping Patient");
		Appointments.connect(doctor, patient);
		try (StompTestClient doctorTab = tab(doctor)) {
			String callId;
			try (StompTestClient patientTab = tab(patient)) {
				doctorTab.send("/app/call-user", Map.of("to", patient.userId(), "offer", OFFER));
				callId = patientTab.next("/user/queue/call-made").get("callId").asString();
				patientTab.send("/app/answer-call", Map.of("to", doctor.userId(), "answer", ANSWER, "callId", callId));
				doctorTab.next("/user/queue/call-answered");
			}
			JsonNode interrupted = doctorTab.next("/user/queue/call-interrupted");
			assertThat(interrupted.get("callId").asString()).isEqualTo(callId);
			assertThat(interrupted.get("from").asString()).isEqualTo(patient.userId());
			// the call waits for the patient (rejoin-grace is 30 s here): not ended, nothing logged
			await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
				.until(() -> doctorTab.received("/user/queue/call-ended").isEmpty());
			assertThat(doctor.get("/api/calls").json().get("totalElements").asInt()).isZero();
		}
	}
}
