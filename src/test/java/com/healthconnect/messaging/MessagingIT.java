package com.healthconnect.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.healthconnect.support.ApiClient;
import com.healthconnect.support.ApiClient.Response;
import com.healthconnect.support.Appointments;
import com.healthconnect.support.IntegrationTest;
import com.healthconnect.support.Multipart;
import com.healthconnect.support.StompTestClient;

import tools.jackson.databind.JsonNode;

@IntegrationTest
class MessagingIT {

	static final String MESSAGES = "/user/queue/messages";

	@LocalServerPort
	int port;

	@Autowired
	MongoTemplate mongo;


	ApiClient doctor(String name) {
		return new ApiClient(port).registerDoctor(name, "General Practice", "Europe/Berlin");
	}

	ApiClient patient(String name) {
		return new ApiClient(port).registerPatient(name);
	}

	@Test
	void aChatMessageIsInMongoDbBeforeTheReceiverSeesIt() {
		ApiClient doctor = doctor("Dr Durable");
		ApiClient patient = patient("Durable Patient");
		Appointments.connect(doctor, patient);
		try (StompTestClient doctorTab = StompTestClient.connect(port, doctor, MESSAGES);
				StompTestClient doctorPhone = StompTestClient.connect(port, doctor, MESSAGES);
				StompTestClient patientTab = StompTestClient.connect(port, patient, MESSAGES)) {
			List<Boolean> storedWhenSeen = new CopyOnWriteArrayList<>();
			patientTab.onReceive(MESSAGES, payload -> storedWhenSeen.add(mongo.getCollection("messages")
				.countDocuments(new Document("_id", new ObjectId(ApiClient.JSON.readTree(payload).get("id").asString()))) == 1));

			doctorTab.send("/app/chat.send", Map.of("to", patient.userId(), "text", "How is the rash today?"));
			JsonNode received = patientTab.next(MESSAGES);
			assertThat(storedWhenSeen).containsExactly(true);
			assertThat(received.get("senderId").asString()).isEqualTo(doctor.userId());
			assertThat(received.get("receiverId").asString()).isEqualTo(patient.userId());
			assertThat(received.get("type").asString()).isEqualTo("text");
			assertThat(received.get("text").asString()).isEqualTo("How is the rash today?");
			assertThat(received.get("read").asBoolean()).isFalse();
			// the sender's other sessions see it too, with the stored id; the tab it came from already has it
			assertThat(doctorPhone.next(MESSAGES).get("id").asString()).isEqualTo(received.get("id").asString());

			// over REST: 201, pushed to the receiver — and the next thing the sending tab gets is this, not an echo
			Response sent = patient.post("/api/messages/" + doctor.userId(), Map.of("text", "Better, thanks"));
			assertThat(sent.status()).isEqualTo(201);
			assertThat(doctorTab.next(MESSAGES).get("id").asString()).isEqualTo(sent.json().get("id").asString());
			assertThat(sent.json().has("image")).isFalse();
		}
	}

	@Test
	void badMessagesAreRefusedAndNothingIsStored() {
		ApiClient doctor = doctor("Dr Strict");
		ApiClient patient = patient("Strict Patient");
		ApiClient stranger = patient("Stranger Danger");
		Appointments.connect(doctor, patient);
		long before = mongo.getCollection("messages").countDocuments();
		String path = "/api/messages/" + doctor.userId();
		assertThat(patient.post(path, Map.of("text", "x".repeat(4001))).json().get("errors").get(0).get("field")
			.asString()).isEqualTo("text");
		assertThat(patient.post(path, Map.of("text", "   ")).status()).isEqualTo(400);
		assertThat(patient.post(path, Map.of()).status()).isEqualTo(400);
		assertThat(patient.post(path, "{\"text\":\"hi\",\"senderId\":\"" + stranger.userId() + "\"}").status())
			.isEqualTo(400);
		assertThat(patient.post(path, "{not json").status()).isEqualTo(400);
		assertThat(stranger.post(path, Map.of("text", "hello doctor")).status()).isEqualTo(404);
		assertThat(stranger.get(path).status()).isEqualTo(404);
		assertThat(stranger.post(path + "/read", Map.of()).status()).isEqualTo(404);
		assertThat(patient.post("/api/messages/not-an-id", Map.of("text", "hi")).status()).isEqualTo(404);
		assertThat(new ApiClient(port).get(path).status()).isEqualTo(401);
		assertThat(mongo.getCollection("messages").countDocuments()).isEqualTo(before);
		// exactly 4000 is fine
		assertThat(patient.post(path, Map.of("text", "x".repeat(4000))).status()).isEqualTo(201);

		try (StompTestClient strangerTab = StompTestClient.connect(port, stranger)) {
			strangerTab.send("/app/chat.send", Map.of("to", doctor.userId(), "text", "let me in"));
			JsonNode error = strangerTab.next("/user/queue/errors");
			assertThat(error.get("status").asInt()).isEqualTo(404);
			assertThat(error.get("destination").asString()).isEqualTo("/app/chat.send");
			strangerTab.send("/app/chat.send", Map.of("to", doctor.userId(), "text", "y".repeat(4001)));
			assertThat(strangerTab.next("/user/queue/errors").get("status").asInt()).isEqualTo(400);
		}
		assertThat(mongo.getCollection("messages").countDocuments()).isEqualTo(before + 1);
	}

	@Test
	void readingAConversationTellsTheSender() {
		ApiClient doctor = doctor("Dr Reader");
		ApiClient patient = patient("Writer");
		Appointments.connect(doctor, patient);
		try (StompTestClient patientTab = StompTestClient.connect(port, patient, "/user/queue/messages-read")) {
			for (int i = 1; i <= 3; i++) {
				assertThat(patient.post("/api/messages/" + doctor.userId(), Map.of("text", "symptom " + i)).status())
					.isEqualTo(201);
			}
			assertThat(doctor.get("/api/messages/conversations").json().get(0).get("unreadCount").asInt()).isEqualTo(3);

			Response read = doctor.post("/api/messages/" + patient.userId() + "/read", Map.of());
			assertThat(read.status()).isEqualTo(200);
			assertThat(read.json().get("updated").asInt()).isEqualTo(3);
			JsonNode receipt = patientTab.next("/user/queue/messages-read");
			assertThat(receipt.get("readerId").asString()).isEqualTo(doctor.userId());
			assertThat(receipt.get("readAt").asString()).isEqualTo(read.json().get("readAt").asString());

			assertThat(doctor.get("/api/messages/conversations").json().get(0).get("unreadCount").asInt()).isZero();
			JsonNode history = doctor.get("/api/messages/" + patient.userId()).json();
			assertThat(history).allSatisfy(message -> assertThat(message.get("read").asBoolean()).isTrue());
			// the patient's own unread count is unaffected: they sent these
			assertThat(patient.get("/api/messages/conversations").json().get(0).get("unreadCount").asInt()).isZero();
		}
	}

	@Test
	void typingIsSignalledToTheOtherSide() {
		ApiClient doctor = doctor("Dr Typist");
		ApiClient patient = patient("Watcher");
		Appointments.connect(doctor, patient);
		try (StompTestClient doctorTab = StompTestClient.connect(port, doctor);
				StompTestClient patientTab = StompTestClient.connect(port, patient, "/user/queue/typing")) {
			doctorTab.send("/app/typing", Map.of("to", patient.userId()));
			assertThat(patientTab.next("/user/queue/typing").get("from").asString()).isEqualTo(doctor.userId());
		}
	}

	@Test
	void conversationsAreNewestFirstAndHistoryPagesBackwards() {
		ApiClient doctor = doctor("Dr Pager");
		ApiClient first = patient("First Patient");
		ApiClient second = patient("Second Patient");
		Appointments.connect(doctor, first);
		Appointments.connect(doctor, second);
		for (int i = 1; i <= 5; i++) {
			ApiClient sender = i % 2 == 0 ? doctor : first;
			String to = sender == doctor ? first.userId() : doctor.userId();
			assertThat(sender.post("/api/messages/" + to, Map.of("text", "m" + i)).status()).isEqualTo(201);
		}
		assertThat(second.post("/api/messages/" + doctor.userId(), Map.of("text", "hello from second")).status())
			.isEqualTo(201);

		JsonNode conversations = doctor.get("/api/messages/conversations").json();
		assertThat(conversations).hasSize(2);
		assertThat(conversations.get(0).get("user").get("id").asString()).isEqualTo(second.userId());
		assertThat(conversations.get(0).get("user").get("name").asString()).isEqualTo("Second Patient");
		assertThat(conversations.get(0).get("user").get("role").asString()).isEqualTo("patient");
		assertThat(conversations.get(0).get("lastMessage").get("text").asString()).isEqualTo("hello from second");
		assertThat(conversations.get(0).get("unreadCount").asInt()).isEqualTo(1);
		assertThat(conversations.get(1).get("user").get("id").asString()).isEqualTo(first.userId());
		assertThat(conversations.get(1).get("lastMessage").get("text").asString()).isEqualTo("m5");
		assertThat(conversations.get(1).get("unreadCount").asInt()).isEqualTo(3);
		JsonNode patientsView = first.get("/api/messages/conversations").json();
		assertThat(patientsView).hasSize(1);
		assertThat(patientsView.get(0).get("user").get("name").asString()).isEqualTo("Dr Pager");
		assertThat(patientsView.get(0).get("unreadCount").asInt()).isEqualTo(2);

		JsonNode page1 = doctor.get("/api/messages/" + first.userId() + "?limit=2").json();
		assertThat(texts(page1)).containsExactly("m5", "m4");
		JsonNode page2 = doctor.get("/api/messages/" + first.userId() + "?limit=2&before=" + page1.get(1).get("id")
			.asString()).json();
		assertThat(texts(page2)).containsExactly("m3", "m2");
		JsonNode page3 = first.get("/api/messages/" + doctor.userId() + "?before=" + page2.get(1).get("id")
			.asString()).json();
		assertThat(texts(page3)).containsExactly("m1");
		assertThat(texts(doctor.get("/api/messages/" + first.userId()).json())).hasSize(5);

		assertThat(doctor.get("/api/messages/" + first.userId() + "?limit=101").status()).isEqualTo(400);
		assertThat(doctor.get("/api/messages/" + first.userId() + "?limit=0").status()).isEqualTo(400);
		assertThat(doctor.get("/api/messages/" + first.userId() + "?before=nope").status()).isEqualTo(400);
		// a message of another conversation is no anchor either
		String secondsMessage = second.get("/api/messages/" + doctor.userId()).json().get(0).get("id").asString();
		assertThat(doctor.get("/api/messages/" + first.userId() + "?before=" + secondsMessage).status())
			.isEqualTo(400);
	}

	@Test
	void aChatImageIsVisibleOnlyToTheTwoParticipants() throws Exception {
		ApiClient doctor = doctor("Dr Images");
		ApiClient patient = patient("Photo Patient");
		ApiClient otherPatient = patient("Other Patient");
		Appointments.connect(doctor, patient);
		Appointments.connect(doctor, otherPatient);
		try (StompTestClient doctorTab = StompTestClient.connect(port, doctor, MESSAGES)) {
			Response sent = new Multipart().field("text", "Here is the photo").file("image", "rash.jpg", "image/jpeg",
					Multipart.PNG).post(patient, "/api/messages/" + doctor.userId());
			assertThat(sent.status()).isEqualTo(201);
			assertThat(sent.json().get("type").asString()).isEqualTo("image");
			assertThat(sent.json().get("text").asString()).isEqualTo("Here is the photo");
			String url = sent.json().get("image").get("url").asString();
			assertThat(url).isEqualTo("/api/media/" + sent.json().get("image").get("id").asString());
			assertThat(doctorTab.next(MESSAGES).get("image").get("url").asString()).isEqualTo(url);

			assertThat(get(patient, url).statusCode()).isEqualTo(200);
			HttpResponse<byte[]> seenByDoctor = get(doctor, url);
			assertThat(seenByDoctor.statusCode()).isEqualTo(200);
			assertThat(seenByDoctor.body()).isEqualTo(Multipart.PNG);
			assertThat(seenByDoctor.headers().firstValue("Content-Type")).hasValue("image/png");
			assertThat(seenByDoctor.headers().firstValue("Cache-Control")).hasValueSatisfying(
					v -> assertThat(v).contains("private"));
			assertThat(get(otherPatient, url).statusCode()).isEqualTo(404);
			assertThat(get(new ApiClient(port), url).statusCode()).isEqualTo(404);
			// the sender cannot publish it by making it their profile picture
			assertThat(patient.put("/api/patients/me", Map.of("profileImage", url)).status()).isEqualTo(200);
			assertThat(get(new ApiClient(port), url).statusCode()).isEqualTo(404);

			// an image without text is fine; a disguised text file is not, and leaves no message behind
			assertThat(new Multipart().file("image", "x.gif", "image/gif", "GIF89a....".getBytes())
				.post(doctor, "/api/messages/" + patient.userId()).status()).isEqualTo(201);
			long before = mongo.getCollection("messages").countDocuments();
			Response disguised = new Multipart().file("image", "scan.png", "image/png", "%PDF-1.7 not an image".getBytes())
				.post(patient, "/api/messages/" + doctor.userId());
			assertThat(disguised.status()).isEqualTo(415);
			assertThat(mongo.getCollection("messages").countDocuments()).isEqualTo(before);
		}
	}

	private static List<String> texts(JsonNode messages) {
		java.util.ArrayList<String> texts = new java.util.ArrayList<>();
		messages.forEach(message -> texts.add(message.get("text").asString()));
		return texts;
	}

	private static HttpResponse<byte[]> get(ApiClient client, String path) throws Exception {
		var request = client.request(path).GET();
		client.cookie("token").ifPresent(token -> request.header("Cookie", "token=" + token.getValue()));
		return java.net.http.HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}
}
