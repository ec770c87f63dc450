package com.healthconnect.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.test.context.TestPropertySource;

import com.healthconnect.support.ApiClient;
import com.healthconnect.support.Appointments;
import com.healthconnect.support.IntegrationTest;
import com.healthconnect.support.StompTestClient;

/**
 * With socket buffers larger than the frame limit, a whole oversized candidate arrives as one message: the direct ICE
 * route must leave it to Spring's decoder, which refuses it, rather than relay it.
 */
@IntegrationTest
@TestPropertySource(properties = { "healthconnect.realtime.socket-buffer-size=128KB",
		"healthconnect.realtime.max-frame-size=64KB" })
class FrameLimitWithLargeBuffersIT {

	@LocalServerPort
	int port;

	@Test
	void aCandidateOverTheFrameLimitIsRefusedEvenWhenItArrivesWhole() throws InterruptedException {
		ApiClient doctor = new ApiClient(port).registerDoctor("Dr Big Buffers", "Cardiology", "UTC");
		ApiClient patient = new ApiClient(port).registerPatient("Big Buffers Patient");
		Appointments.connect(doctor, patient);
		try (StompTestClient patientTab = StompTestClient.connect(port, patient, "/user/queue/ice-candidate");
				StompTestClient doctorTab = StompTestClient.connect(port, doctor)) {
			doctorTab.send("/app/ice-candidate", Map.of("to", patient.userId(), "candidate",
					Map.of("candidate", "candidate:1 1 udp 1 10.0.0.1 9 typ host")));
			assertThat(patientTab.next("/user/queue/ice-candidate").get("candidate").get("candidate").asString())
				.startsWith("candidate:1 ");

			Map<String, Object> over = Map.of("candidate", "candidate:2 1 udp 1 10.0.0.1 9 typ host", "pad",
					"a".repeat(70 * 1024));
			try {
				doctorTab.send("/app/ice-candidate", Map.of("to", patient.userId(), "candidate", over));
				assertThat(doctorTab.errorFrames().poll(10, TimeUnit.SECONDS)).as("an ERROR frame").contains("too large");
			}
			catch (MessageDeliveryException closedWhileWriting) {
				// the server may refuse and close while the client is still writing the frame
			}
			await().atMost(Duration.ofSeconds(5)).until(() -> !doctorTab.isConnected());
			patientTab.awaitReady();
			assertThat(patientTab.received("/user/queue/ice-candidate")).isEmpty();
		}
	}
}
