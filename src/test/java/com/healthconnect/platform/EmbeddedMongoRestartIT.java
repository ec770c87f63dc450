package com.healthconnect.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.healthconnect.HealthConnectApplication;
import com.healthconnect.support.ApiClient;

/**
 * The embedded default keeps its data in an H2 file: an account registered before a restart can sign in after it,
 * with the same generated JWT key (so its session survives too).
 */
class EmbeddedMongoRestartIT {

	@TempDir
	Path dataDir;

	@Test
	void accountsAndSessionsSurviveARestart() {
		String email = ApiClient.uniqueEmail("restart");
		String token;
		try (ConfigurableApplicationContext app = start()) {
			ApiClient patient = new ApiClient(port(app));
			patient.register(Map.of("role", "patient", "name", "Rita Restart", "email", email, "password", "correct-horse-9"));
			token = patient.sessionToken();
		}
		assertThat(dataDir.resolve("healthconnect.mv.db")).exists();
		assertThat(dataDir.resolve("jwt-secret")).exists();

		try (ConfigurableApplicationContext app = start()) {
			ApiClient sameSession = new ApiClient(port(app));
			sameSession.setSessionToken(token);
			assertThat(sameSession.get("/api/auth/me").json().get("email").asString()).isEqualTo(email);

			ApiClient again = new ApiClient(port(app));
			assertThat(again.login(email, "correct-horse-9", "patient").status()).isEqualTo(200);
			assertThat(again.user().get("name").asString()).isEqualTo("Rita Restart");
		}
	}

	@Test
	void demoAccountsAreCreatedOnceOnAnEmptyEmbeddedDatabase() throws Exception {
		try (ConfigurableApplicationContext app = start("--healthconnect.demo-data=true")) {
			ApiClient doctor = new ApiClient(port(app));
			assertThat(doctor.login("amara.okafor@demo.healthconnect.local", "Doctor#2026", "doctor").status())
				.isEqualTo(200);
			assertThat(doctor.get("/api/doctors/me").json().get("schedule").size()).isPositive();
			ApiClient patient = new ApiClient(port(app));
			assertThat(patient.login("sam.patel@demo.healthconnect.local", "Patient#2026", "patient").status())
				.isEqualTo(200);
		}
		// a second start finds the accounts and adds nothing (a duplicate would fail the unique e-mail)
		try (ConfigurableApplicationContext app = start("--healthconnect.demo-data=true")) {
			assertThat(new ApiClient(port(app)).login("sam.patel@demo.healthconnect.local", "Patient#2026", "patient")
				.status()).isEqualTo(200);
		}
		assertThat(Files.size(dataDir.resolve("healthconnect.mv.db"))).isPositive();
	}

	private ConfigurableApplicationContext start(String... extra) {
		String[] args = new String[] { "--server.port=0", "--spring.profiles.active=test",
				"--healthconnect.mongo.embedded.storage=file",
				"--healthconnect.mongo.embedded.data-dir=" + dataDir.toAbsolutePath(),
				// this test is about the generated key kept beside the data, so no configured secret
				"--healthconnect.jwt.secret=" };
		String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.Arrays.stream(extra))
			.toArray(String[]::new);
		return new SpringApplicationBuilder(HealthConnectApplication.class).run(all);
	}

	private static int port(ConfigurableApplicationContext app) {
		return ((WebServerApplicationContext) app).getWebServer().getPort();
	}
}
