package com.healthconnect.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.test.context.TestPropertySource;

import com.healthconnect.support.ApiClient;
import com.healthconnect.support.Appointments;
import com.healthconnect.support.IntegrationTest;
import com.healthconnect.support.StompTestClient;

import tools.jackson.databind.JsonNode;

/**
 * The inline ICE-candidate relay keeps every guarantee of the {@code @MessageMapping} route it replaced. A larger burst
 * than the default lets a hundred candidates go out at once, as an ordering test needs.
 */
@IntegrationTest
@TestPropertySource(properties = "healthconnect.realtime.rate.burst=300")
class IceCandidateRelayIT {

	@LocalServerPort
	int port;

	static Map<String, Object> candidate(int n) {
		return Map.of("candidate", "candidate:" + n + " 1 udp 2122260223 192.168.1.5 " + (50000 + n) + " typ host",
				"sdpMid", "0", "sdpMLineIndex", 0);
	}

	StompTestClient tab(ApiClient user) {
		return StompTestClient.connect(port, user, SignalingIT.QUEUES);
	}

	@Test
	void candidatesAreRelayedBothWaysWithTheSenderAndNoCallId() {
		ApiClient doctor = new ApiClient(port).registerDoctor("Dr Ice", "Cardiology", "Europe/Berlin");
		ApiClient patient = new ApiClient(port).registerPatient("Ice Patient");
		Appointments.connect(doctor, patient);
		try (StompTestClient doctorTab = tab(doctor); StompTestClient patientTab = tab(patient)) {
			doctorTab.send("/app/ice-candidate", Map.of("to", patient.userId(), "candidate", candidate(1)));
			JsonNode toPatient = patientTab.next("/user/queue/ice-candidate");
			assertThat(toPatient.get("from").asString()).isEqualTo(doctor.userId());
			assertThat(toPatient.get("candidate")).isEqualTo(ApiClient.JSON.valueToTree(candidate(1)));
			assertThat(toPatient.get("callId").isNull()).isTrue();

			patientTab.send("/app/ice-candidate", Map.of("to", doctor.userId(), "candidate", candidate(2)));
			JsonNode toDoctor = doctorTab.next("/user/queue/ice-candidate");
			assertThat(toDoctor.get("from").asString()).isEqualTo(patient.userId());
			assertThat(toDoctor.get("candidate").get("candidate").asString()).startsWith("candidate:2 ");

			assertThat(doctorTab.received("/user/queue/errors")).isEmpty();
			assertThat(patientTab.received("/user/queue/errors")).isEmpty();
		}
	}

	@Test
	void aHundredCandidatesArriveInTheOrderTheyWereSent() {
		ApiClient doctor = new ApiClient(port).registerDoctor("Dr Order", "Cardiology", "Europe/Berlin");
		ApiClient patient = new ApiClient(port).registerPatient("Order Patient");
		Appointments.connect(doctor, patient);
		try (StompTestClient doctorTab = tab(doctor); StompTestClient patientTab = tab(patient)) {
			// an offer first, as a browser does: candidates must not overtake it
			doctorTab.send("/app/call-user", Map.of("to", patient.userId(), "offer", SignalingIT.OFFER));
			for (int n = 0; n < 100; n++) {
				doctorTab.send("/app/ice-candidate", Map.of("to", patient.userId(), "candidate", candidate(n)));
			}
			String callId = patientTab.next("/user/queue/call-made").get("callId").asString();
			for (int n = 0; n < 100; n++) {
				JsonNode relayed = patientTab.next("/user/queue/ice-candidate");
				assertThat(relayed.get("candidate").get("candidate").asString()).startsWith("candidate:" + n + " ");
				assertThat(relayed.get("callId").asString()).isEqualTo(callId);
			}
		}
	}

	@Test
	void candidatesToSomeoneWithoutAnAppointmentAreRefusedAndNotRelayed() {
		ApiClient doctor = new ApiClient(port).registerDoctor("Dr Ice Stranger", "Cardiology", "Europe/Berlin");
		ApiClient stranger = new ApiClient(port).registerPatient("Ice Stranger");
		try (StompTestClient doctorTab = tab(doctor); StompTestClient strangerTab = tab(stranger)) {
			doctorTab.send("/app/ice-candidate", Map.of("to", stranger.userId(), "candidate", candidate(1)));
			JsonNode error = doctorTab.next("/user/queue/errors");
			assertThat(error.get("status").asInt()).isEqualTo(403);
			assertThat(error.get("title").asString()).isEqualTo("Forbidden");
			assertThat(error.get("destination").asString()).isEqualTo("/app/ice-candidate");
			strangerTab.awaitReady();
			assertThat(strangerTab.received("/user/queue/ice-candidate")).isEmpty();
			assertThat(doctorTab.isConnected()).isTrue();
		}
	}

	@Test
	void beforeTheAnswerEveryTabGetsCandidatesAfterItOnlyTheTabInTheCall() {
		ApiClient doctor = new ApiClient(port).registerDoctor("Dr Ice Tabs", "Cardiology", "Europe/Berlin");
		ApiClient patient = new ApiClient(port).registerPatient("Ice Two Tabs");
		Appointments.connect(doctor, patient);
		try (StompTestClient doctorTab = tab(doctor); StompTestClient phone = tab(patient);
				StompTestClient laptop = tab(patient)) {
			doctorTab.send("/app/call-user", Map.of("to", patient.userId(), "offer", SignalingIT.OFFER));
			String callId = phone.next("/user/queue/call-made").get("callId").asString();
			laptop.next("/user/queue/call-made");

			doctorTab.send("/app/ice-candidate", Map.of("to", patient.userId(), "candidate", candidate(1), "callId", callId));
			assertThat(phone.next("/user/queue/ice-candidate").get("callId").asString()).isEqualTo(callId);
			assertThat(laptop.next("/user/queue/ice-candidate").get("callId").asString()).isEqualTo(callId);

			laptop.send("/app/answer-call", Map.of("to", doctor.userId(), "answer", SignalingIT.ANSWER, "callId", callId));
			doctorTab.next("/user/queue/call-answered");
			phone.next("/user/queue/call-answered-elsewhere");

			doctorTab.send("/app/ice-candidate", Map.of("to", patient.userId(), "candidate", candidate(2)));
			JsonNode relayed = laptop.next("/user/queue/ice-candidate");
			assertThat(relayed.get("candidate").get("candidate").asString()).startsWith("candidate:2 ");
			assertThat(relayed.get("callId").asString()).isEqualTo(callId);
			phone.awaitReady();
			assertThat(phone.received("/user/queue/ice-candidate")).isEmpty();

			// and the laptop's candidates reach the doctor's tab in the call
			laptop.send("/app/ice-candidate", Map.of("to", doctor.userId(), "candidate", candidate(3), "callId", callId));
			assertThat(doctorTab.next("/user/queue/ice-candidate").get("from").asString()).isEqualTo(patient.userId());
		}
	}

	@Test
	void malformedCandidatesGetA400AndTheSocketStaysOpen() {
		ApiClient doctor = new ApiClient(port).registerDoctor("Dr Ice Malformed", "Cardiology", "Europe/Berlin");
		ApiClient patient = new ApiClient(port).registerPatient("Ice Malformed Patient");
		Appointments.connect(doctor, patient);
		try (StompTestClient doctorTab = tab(doctor); StompTestClient patientTab = tab(patient)) {
			doctorTab.sendRaw("/app/ice-candidate", "{not json");
			assertThat(doctorTab.next("/user/queue/errors").get("status").asInt()).isEqualTo(400);
			doctorTab.sendRaw("/app/ice-candidate", "{\"to\":\"" + patient.userId() + "\"}");
			JsonNode missing = doctorTab.next("/user/queue/errors");
			assertThat(missing.get("status").asInt()).isEqualTo(400);
			assertThat(missing.get("detail").asString()).contains("candidate");
			doctorTab.sendRaw("/app/ice-candidate", "{\"to\":\"" + patient.userId() + "\",\"candidate\":{},\"from\":\"x\"}");
			assertThat(doctorTab.next("/user/queue/errors").get("detail").asString()).contains("from");
			doctorTab.sendRaw("/app/ice-candidate", "{\"candidate\":{}}");
			assertThat(doctorTab.next("/user/queue/errors").get("detail").asString()).contains("to");
			assertThat(doctorTab.isConnected()).isTrue();
			patientTab.awaitReady();
			assertThat(patientTab.received("/user/queue/ice-candidate")).isEmpty();
		}
	}

	/**
	 * Frames the direct route leaves to Spring's decoder (here: with a header it does not read) are relayed as well, and in
	 * their place among the plain ones.
	 */
	@Test
	void candidatesTakingEitherRouteArriveInTheOrderTheyWereSent() {
		ApiClient doctor = new ApiClient(port).registerDoctor("Dr Two Routes", "Cardiology", "Europe/Berlin");
		ApiClient patient = new ApiClient(port).registerPatient("Two Routes Patient");
		Appointments.connect(doctor, patient);
		try (StompTestClient doctorTab = tab(doctor); StompTestClient patientTab = tab(patient)) {
			for (int n = 0; n < 60; n++) {
				Map<String, Object> frame = Map.of("to", patient.userId(), "candidate", candidate(n));
				if (n % 3 == 0) {
					StompHeaders headers = new StompHeaders();
					headers.setDestination("/app/ice-candidate");
					headers.set("x-trace", "t:" + n); // a header the direct route does not read, escaped on the wire
					doctorTab.send(headers, frame);
				}
				else {
					doctorTab.send("/app/ice-candidate", frame);
				}
			}
			for (int n = 0; n < 60; n++) {
				JsonNode relayed = patientTab.next("/user/queue/ice-candidate");
				assertThat(relayed.get("candidate").get("candidate").asString()).startsWith("candidate:" + n + " ");
				assertThat(relayed.get("from").asString()).isEqualTo(doctor.userId());
			}
			assertThat(doctorTab.received("/user/queue/errors")).isEmpty();
		}
	}

	/** The per-connection rate holds for candidates as for every frame: a flood ends with an ERROR frame. */
	@Test
	void aFloodOfCandidatesIsRefusedWithAnErrorFrame() throws InterruptedException {
		ApiClient doctor = new ApiClient(port).registerDoctor("Dr Ice Flood", "Cardiology", "Europe/Berlin");
		ApiClient patient = new ApiClient(port).registerPatient("Ice Flood Patient");
		Appointments.connect(doctor, patient);
		try (StompTestClient doctorTab = tab(doctor); StompTestClient patientTab = tab(patient)) {
			int sent = 0;
			for (; sent < 2000 && doctorTab.isConnected(); sent++) {
				try {
					doctorTab.send("/app/ice-candidate", Map.of("to", patient.userId(), "candidate", candidate(sent)));
				}
				catch (RuntimeException closedMeanwhile) {
					break;
				}
			}
			String error = doctorTab.errorFrames().poll(10, TimeUnit.SECONDS);
			assertThat(error).as("an ERROR frame").contains("Too many frames");
			await().atMost(Duration.ofSeconds(5)).until(() -> !doctorTab.isConnected());
			patientTab.awaitReady();
			assertThat(patientTab.received("/user/queue/ice-candidate").size()).isLessThan(sent);
			assertThat(patientTab.isConnected()).isTrue();
		}
	}
}
