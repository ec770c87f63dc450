package com.healthconnect.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.healthconnect.support.ApiClient;
import com.healthconnect.support.Appointments;
import com.healthconnect.support.IntegrationTest;
import com.healthconnect.support.StompTestClient;

import tools.jackson.databind.JsonNode;

/** What clients type into STOMP frames: refused with words a person can act on, and never forged into the log. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class StompInputIT {

	private static final String ERRORS = "/user/queue/errors";

	@LocalServerPort
	int port;

	@Test
	void aLineBreakOrAnEmailInARefusedDestinationIsNotLogged(CapturedOutput output) throws InterruptedException {
		ApiClient patient = new ApiClient(port).registerPatient("Forger");
		try (StompTestClient tab = StompTestClient.connect(port, patient)) {
			tab.send("/app/nowhere\nFORGED-LINE admin signed in\r\nvictim@example.org", Map.of("to", patient.userId()));
			String error = tab.errorFrames().poll(10, TimeUnit.SECONDS);
			assertThat(error).contains("may not send to");
			await().atMost(Duration.ofSeconds(5)).until(() -> !tab.isConnected());
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> output.getOut().contains("Refused SEND frame"));
		assertThat(Arrays.stream(output.getAll().split("\\R"))).noneMatch(line -> line.startsWith("FORGED-LINE"));
		assertThat(output.getAll()).doesNotContain("victim@example.org");
	}

	@Test
	void controlBidiAndLoneSurrogateCharactersInChatAreRefused() {
		ApiClient doctor = new ApiClient(port).registerDoctor("Dr Chars", "Cardiology", "UTC");
		ApiClient patient = new ApiClient(port).registerPatient("Chars Patient");
		Appointments.connect(doctor, patient);
		try (StompTestClient doctorTab = StompTestClient.connect(port, doctor, "/user/queue/messages");
				StompTestClient tab = StompTestClient.connect(port, patient, ERRORS)) {
			for (String text : new String[] { "hi\\u0000", "see \\u202eexe.pdf", "half \\ud83d", "x\\u2067y" }) {
				tab.sendRaw("/app/chat.send", "{\"to\":\"" + doctor.userId() + "\",\"text\":\"" + text + "\"}");
				JsonNode error = tab.next(ERRORS);
				assertThat(error.get("status").asInt()).as(text).isEqualTo(400);
				assertThat(error.get("detail").asString()).as(text).contains("'text'");
			}
			// line breaks, accents and emoji are text
			tab.sendRaw("/app/chat.send", "{\"to\":\"" + doctor.userId() + "\",\"text\":\"Gr\u00fc\u00dfe\\nzwei \\ud83d\\ude00\"}");
			assertThat(doctorTab.next("/user/queue/messages").get("text").asString()).isEqualTo("Gr\u00fc\u00dfe\nzwei \ud83d\ude00");
			tab.awaitReady();
			assertThat(doctorTab.received("/user/queue/messages")).isEmpty();
		}
	}

	@Test
	void payloadErrorsNameTheFieldAndNoJavaTypes() {
		ApiClient doctor = new ApiClient(port).registerDoctor("Dr Types", "Cardiology", "UTC");
		ApiClient patient = new ApiClient(port).registerPatient("Types Patient");
		Appointments.connect(doctor, patient);
		try (StompTestClient tab = StompTestClient.connect(port, patient, ERRORS)) {
			for (String payload : new String[] { "{\"to\":{\"id\":1},\"text\":\"x\"}", "{\"to\":\"" + doctor.userId()
					+ "\",\"text\":42}", "{\"to\":\"" + doctor.userId() + "\",\"text\":\"x\",\"admin\":true}", "[1,2]",
					"{not json" }) {
				tab.sendRaw("/app/chat.send", payload);
				JsonNode error = tab.next(ERRORS);
				assertThat(error.get("status").asInt()).as(payload).isEqualTo(400);
				assertThat(error.get("detail").asString()).as(payload).doesNotContain("java.", "com.healthconnect", "`");
			}
		}
	}
}
