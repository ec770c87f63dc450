package com.healthconnect.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import com.healthconnect.support.ApiClient;
import com.healthconnect.support.Appointments;
import com.healthconnect.support.TestClockConfiguration;
import com.healthconnect.support.TestcontainersConfiguration;

/**
 * Prometheus scrapes {@code /actuator/prometheus} on the separate management port (a random one here) and sees the
 * application's meters move; the application's own port does not serve it to anyone signed out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@ActiveProfiles("test")
@Import({ TestcontainersConfiguration.class, TestClockConfiguration.class })
class MetricsIT {

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Test
	void theScrapeShowsBookingsStatusChangesAndSignInFailuresMove() throws Exception {
		String before = scrape();
		assertThat(before).contains("# TYPE healthconnect_bookings_total counter", "healthconnect_realtime_sessions",
				"healthconnect_reminders_sent_total", "healthconnect_sign_in_failures_total",
				"healthconnect_realtime_frames_relayed_total");

		ApiClient doctor = new ApiClient(port).registerDoctor("Dr Metric Counted", "Cardiology", "Europe/Berlin");
		ApiClient patient = new ApiClient(port).registerPatient("Pat Counted");
		Appointments.connect(doctor, patient);
		assertThat(new ApiClient(port).post("/api/auth/login",
				Map.of("email", patient.user().get("email").asString(), "password", "wrong-horse-9")).status())
			.isEqualTo(401);

		String after = scrape();
		assertThat(value(after, "healthconnect_bookings_total")).isEqualTo(value(before, "healthconnect_bookings_total") + 1);
		assertThat(value(after, "healthconnect_sign_in_failures_total"))
			.isEqualTo(value(before, "healthconnect_sign_in_failures_total") + 1);
		assertThat(value(after, "healthconnect_appointments_status_total{status=\"scheduled\"}")).isGreaterThanOrEqualTo(1);
		assertThat(after).contains("http_server_requests_seconds_count{", "uri=\"/api/appointments\"");
	}

	@Test
	void theApplicationPortDoesNotServeTheMetricsToStrangers() {
		assertThat(new ApiClient(port).get("/actuator/prometheus").status()).isEqualTo(401);
		ApiClient patient = new ApiClient(port).registerPatient("Pat Curious");
		assertThat(patient.get("/actuator/prometheus").status()).isEqualTo(403);
	}

	private String scrape() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient().send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + "/actuator/prometheus")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	/** The value of the first sample whose line starts with {@code series} (name and, if given, labels). */
	private static double value(String scrape, String series) {
		return scrape.lines()
			.filter(line -> line.startsWith(series + " ") || (!series.contains("{") && line.startsWith(series + "{")))
			.mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.findFirst()
			.orElse(0);
	}
}
