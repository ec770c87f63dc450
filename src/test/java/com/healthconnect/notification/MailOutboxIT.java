package com.healthconnect.notification;

import static com.healthconnect.support.FreePorts.freePort;

import static com.healthconnect.support.Schedules.booking;
import static com.healthconnect.support.Schedules.doctorWithSchedule;
import static com.healthconnect.support.Schedules.inDays;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.healthconnect.mail.Mailer;
import com.healthconnect.notification.internal.Notification;
import com.healthconnect.notification.internal.NotificationStore;
import com.healthconnect.support.ApiClient;
import com.healthconnect.support.ApiClient.Response;
import com.healthconnect.support.IntegrationTest;
import com.healthconnect.support.Simultaneously;
import com.healthconnect.support.TestClock;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

/**
 * Notification e-mails leave from an outbox off the request: a mail server that hangs or is down neither delays nor
 * fails the booking that caused the mail; the mail waits in MongoDB and goes out, once, when the server is back, even
 * with two senders on one database. The scheduled run is slowed down here so the test drives each run itself.
 */
@IntegrationTest
@TestPropertySource(properties = { "healthconnect.notifications.mail.interval=1h",
		"spring.mail.properties.mail.smtp.connectiontimeout=3000", "spring.mail.properties.mail.smtp.timeout=3000",
		"spring.mail.properties.mail.smtp.writetimeout=3000" })
class MailOutboxIT {

	static final String BERLIN = "Europe/Berlin";
	static final int SMTP_PORT = freePort();

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	@Autowired
	MailOutbox outbox;

	@Autowired
	NotificationStore store;

	@Autowired
	Mailer mailer;

	@Autowired
	@Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME)
	java.util.concurrent.Executor executor;

	@Autowired
	MailOutboxProperties properties;

	@Autowired
	MongoTemplate mongo;

	GreenMail smtp;

	@AfterEach
	void cleanUp() {
		clock.reset();
		if (smtp != null) {
			smtp.stop();
		}
	}

	@Test
	void aHangingMailServerNeitherDelaysNorFailsTheBookingAndTheMailGoesOutOnceItIsBack() throws Exception {
		ApiClient doctor = doctorWithSchedule(port, "Dr Outbox", "General Practice", BERLIN);
		ApiClient patient = new ApiClient(port).registerPatient("Hana Hanging", BERLIN);
		String doctorEmail = doctor.user().get("email").asString();
		Response booked;
		// a server that takes the connection and never says a word: each attempt waits for the SMTP timeout
		try (ServerSocket silent = new ServerSocket(SMTP_PORT, 50, InetAddress.getLoopbackAddress())) {
			List<Socket> held = new CopyOnWriteArrayList<>();
			Thread acceptor = new Thread(() -> {
				try {
					while (true) {
						held.add(silent.accept());
					}
				}
				catch (IOException closed) {
					// the test is done with it
				}
			});
			acceptor.setDaemon(true);
			acceptor.start();
			long started = System.nanoTime();
			booked = patient.post("/api/appointments", booking(doctor.userId(), inDays(BERLIN, 4), "09:00"));
			Duration took = Duration.ofNanos(System.nanoTime() - started);
			assertThat(booked.status()).isEqualTo(201);
			assertThat(took).as("the booking does not wait for the mail server").isLessThan(Duration.ofMillis(2500));
			await().atMost(Duration.ofSeconds(20)).until(() -> mailOf(doctor.userId()).mailAttempts() == 1
					&& Notification.PENDING.equals(mailOf(doctor.userId()).mailState()));
			for (Socket socket : held) {
				socket.close();
			}
		}
		assertThat(doctor.get("/api/notifications").json().get("content").get(0).get("type").asString())
			.as("the notification itself is there at once").isEqualTo("appointment-requested");

		// the server is back; the retry falls due
		smtp = startSmtp();
		assertThat(outbox.sendDue()).as("not due before the retry wait").isZero();
		clock.advance(properties.retry().plusSeconds(1));
		assertThat(outbox.sendDue()).isEqualTo(1);
		assertThat(mailsTo(doctorEmail, "New appointment request")).hasSize(1);
		assertThat(mailOf(doctor.userId()).mailState()).isEqualTo(Notification.SENT);
		assertThat(mailOf(doctor.userId()).mail()).as("the rendered copy is dropped once sent").isNull();
		clock.advance(Duration.ofHours(2));
		assertThat(outbox.sendDue()).isZero();
		assertThat(mailsTo(doctorEmail, "New appointment request")).hasSize(1);
	}

	@Test
	void twoSendersOnOneDatabaseSendEachMailOnceWhenTheServerIsBack() throws Exception {
		ApiClient doctor = doctorWithSchedule(port, "Dr Twin", "General Practice", BERLIN);
		ApiClient patient = new ApiClient(port).registerPatient("Dan Down", BERLIN);
		String doctorEmail = doctor.user().get("email").asString();
		// nothing listens on the port: the first attempt is refused at once
		LocalDate date = inDays(BERLIN, 4);
		assertThat(patient.post("/api/appointments", booking(doctor.userId(), date, "09:30")).status()).isEqualTo(201);
		await().atMost(Duration.ofSeconds(20)).until(() -> mailOf(doctor.userId()).mailAttempts() == 1
				&& Notification.PENDING.equals(mailOf(doctor.userId()).mailState()));

		smtp = startSmtp();
		clock.advance(properties.retry().plusSeconds(1));
		MailOutbox other = new MailOutbox(store, mailer, executor, clock, properties);
		assertThat(race(outbox, other)).isEqualTo(1);
		assertThat(race(outbox, other)).isZero();
		assertThat(mailsTo(doctorEmail, "New appointment request")).hasSize(1);
	}

	@Test
	void aMailThatKeepsFailingIsRetriedWithAGrowingWaitAndThenGivenUp() {
		assertThat(properties.waitAfter(1)).isEqualTo(properties.retry());
		assertThat(properties.waitAfter(2)).isEqualTo(properties.retry().multipliedBy(2));
		assertThat(properties.waitAfter(3)).isEqualTo(properties.retry().multipliedBy(4));
		assertThat(properties.waitAfter(properties.attempts() - 1)).isLessThanOrEqualTo(properties.maxRetry());
		assertThat(properties.waitAfter(properties.attempts())).isNull();
	}

	private Notification mailOf(String userId) {
		List<Notification> found = mongo.find(Query.query(Criteria.where("userId").is(userId)), Notification.class);
		assertThat(found).hasSize(1);
		return found.get(0);
	}

	private List<MimeMessage> mailsTo(String to, String subjectStart) throws Exception {
		List<MimeMessage> found = new ArrayList<>();
		for (MimeMessage m : smtp.getReceivedMessages()) {
			if (Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(to))
					&& m.getSubject().startsWith(subjectStart)) {
				found.add(m);
			}
		}
		return found;
	}

	private static GreenMail startSmtp() {
		GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		server.start();
		return server;
	}

	private static int race(MailOutbox a, MailOutbox b) throws Exception {
		return Simultaneously.sum(a::sendDue, b::sendDue);
	}
}
