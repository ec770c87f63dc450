package com.healthconnect.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.healthconnect.support.ApiClient;
import com.healthconnect.support.ApiClient.Response;
import com.healthconnect.support.IntegrationTest;
import com.healthconnect.support.Multipart;

@IntegrationTest
class MediaIT {

	@LocalServerPort
	int port;

	@Autowired
	MongoTemplate mongo;

	@Test
	void anImageIsAcceptedByItsContentWhateverItIsCalled() throws Exception {
		ApiClient patient = new ApiClient(port).registerPatient("Uploader");
		Response uploaded = new Multipart().file("file", "notes.txt", "text/plain", Multipart.PNG).post(patient,
				"/api/media");
		assertThat(uploaded.status()).isEqualTo(201);
		String id = uploaded.json().get("id").asString();
		assertThat(uploaded.json().get("url").asString()).isEqualTo("/api/media/" + id);

		HttpResponse<byte[]> image = bytes(patient, "/api/media/" + id);
		assertThat(image.statusCode()).isEqualTo(200);
		assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(image.body()).isEqualTo(Multipart.PNG);

		Document meta = mongo.getCollection("media").find(new Document("_id", new ObjectId(id))).first();
		assertThat(meta.getString("ownerId")).isEqualTo(patient.userId());
		assertThat(meta.getString("contentType")).isEqualTo("image/png");
		assertThat(((Number) meta.get("size")).longValue()).isEqualTo(Multipart.PNG.length);
		assertThat(meta.getString("storage")).isEqualTo("GRIDFS");
		assertThat(meta.getString("purpose")).isEqualTo("UPLOAD");
	}

	@Test
	void aRenamedTextFileIs415AndNothingIsStored() {
		ApiClient patient = new ApiClient(port).registerPatient("Renamer");
		long before = mongo.getCollection("media").countDocuments();
		Response refused = new Multipart()
			.file("file", "photo.png", "image/png", "just some text, not a picture".getBytes())
			.post(patient, "/api/media");
		assertThat(refused.status()).isEqualTo(415);
		assertThat(refused.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("problem+json"));
		assertThat(refused.json().get("detail").asString()).contains("JPEG, PNG, WebP and GIF");
		assertThat(mongo.getCollection("media").countDocuments()).isEqualTo(before);
	}

	@Test
	void tooLargeImagesAre413NotA500() {
		ApiClient patient = new ApiClient(port).registerPatient("Big Uploader");
		Response tooLarge = new Multipart().file("file", "big.png", "image/png", Multipart.pngOfSize(6 * 1024 * 1024))
			.post(patient, "/api/media");
		assertThat(tooLarge.status()).isEqualTo(413);
		assertThat(tooLarge.json().get("title").asString()).isEqualTo("Payload too large");

		// beyond the servlet's multipart limit too
		Response wayTooLarge = new Multipart()
			.file("file", "huge.png", "image/png", Multipart.pngOfSize(10 * 1024 * 1024 + 1))
			.post(patient, "/api/media");
		assertThat(wayTooLarge.status()).isEqualTo(413);
		assertThat(wayTooLarge.json().get("status").asInt()).isEqualTo(413);
	}

	@Test
	void uploadsNeedAFileASessionAndTheCsrfHeader() {
		ApiClient patient = new ApiClient(port).registerPatient("No File");
		assertThat(new Multipart().field("other", "x").post(patient, "/api/media").status()).isEqualTo(400);
		assertThat(new Multipart().file("file", "empty.png", "image/png", new byte[0]).post(patient, "/api/media")
			.status()).isEqualTo(400);
		assertThat(new Multipart().file("file", "a.png", "image/png", Multipart.PNG).post(new ApiClient(port),
				"/api/media").status()).isEqualTo(401);
	}

	@Test
	void anUploadIsPrivateUntilItIsItsOwnersProfilePicture() throws Exception {
		ApiClient doctor = new ApiClient(port).registerDoctor("Dr Portrait", "Dermatology", "UTC");
		ApiClient someone = new ApiClient(port).registerPatient("Someone");
		ApiClient anonymous = new ApiClient(port);
		String url = new Multipart().file("file", "me.png", "image/png", Multipart.PNG).post(doctor, "/api/media")
			.json().get("url").asString();
		assertThat(bytes(someone, url).statusCode()).isEqualTo(404);
		assertThat(bytes(anonymous, url).statusCode()).isEqualTo(404);

		assertThat(doctor.put("/api/doctors/me", Map.of("profileImage", url)).status()).isEqualTo(200);
		assertThat(bytes(anonymous, url).statusCode()).isEqualTo(200);
		assertThat(bytes(someone, url).body()).isEqualTo(Multipart.PNG);

		// another user pointing their own profile at it does not make it theirs to publish
		String other = new Multipart().file("file", "x.png", "image/png", Multipart.PNG).post(doctor, "/api/media")
			.json().get("url").asString();
		assertThat(someone.put("/api/patients/me", Map.of("profileImage", other)).status()).isEqualTo(200);
		assertThat(bytes(anonymous, other).statusCode()).isEqualTo(404);

		assertThat(bytes(anonymous, "/api/media/not-an-id").statusCode()).isEqualTo(404);
		assertThat(bytes(anonymous, "/api/media/0123456789abcdef01234567").statusCode()).isEqualTo(404);
	}

	/** The raw bytes of a GET, with the client's session cookie if it has one. */
	static HttpResponse<byte[]> bytes(ApiClient client, String path) throws Exception {
		var request = client.request(path).GET();
		client.cookie("token").ifPresent(token -> request.header("Cookie", "token=" + token.getValue()));
		return java.net.http.HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}
}
