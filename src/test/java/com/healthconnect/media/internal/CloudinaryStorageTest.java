package com.healthconnect.media.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.UriComponentsBuilder;

import com.healthconnect.auth.Role;
import com.healthconnect.media.Delivery;
import com.sun.net.httpserver.HttpServer;

/**
 * The real Cloudinary SDK against a local stand-in for Cloudinary's upload API (reached through the SDK's
 * {@code upload_prefix}): uploads must be authenticated and signed, and viewers must get signed, expiring URLs.
 */
class CloudinaryStorageTest {

	static final String KEY = "123456789012345";
	static final String SECRET = "test-cloudinary-api-secret";
	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13 };

	HttpServer cloudinary;
	final List<Request> requests = new CopyOnWriteArrayList<>();

	record Request(String method, String path, String contentType, String body) {
	}

	@BeforeEach
	void startFakeCloudinary() throws IOException {
		cloudinary = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		cloudinary.createContext("/", exchange -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.ISO_8859_1);
			requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
					exchange.getRequestHeaders().getFirst("Content-Type"), body));
			Map<String, String> fields = fields(body);
			byte[] response = ("{\"public_id\":\"" + fields.get("public_id") + "\",\"version\":1700000000,"
					+ "\"format\":\"png\",\"resource_type\":\"image\",\"type\":\"" + fields.get("type") + "\","
					+ "\"bytes\":12,\"width\":1,\"height\":1}").getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, response.length);
			exchange.getResponseBody().write(response);
			exchange.close();
		});
		cloudinary.start();
	}

	@AfterEach
	void stop() {
		cloudinary.stop(0);
	}

	@Test
	void uploadsAreAuthenticatedAndSignedAndViewersGetSignedExpiringUrls() throws Exception {
		String prefix = "http://127.0.0.1:" + cloudinary.getAddress().getPort();
		Instant now = Instant.parse("2026-11-24T10:00:00Z");
		CloudinaryStorage storage = new CloudinaryStorage(
				"cloudinary://" + KEY + ":" + SECRET + "@demo-cloud?upload_prefix=" + prefix, Duration.ofMinutes(5),
				Clock.fixed(now, ZoneOffset.UTC));

		BlobStorage.StoredBlob blob = storage.store("65a1b2c3d4e5f60718293a4b", PNG, ImageType.PNG);
		assertThat(blob.storage()).isEqualTo(MediaFile.Storage.CLOUDINARY);
		assertThat(blob.reference()).isEqualTo("healthconnect/65a1b2c3d4e5f60718293a4b");
		assertThat(blob.format()).isEqualTo("png");

		assertThat(requests).hasSize(1);
		Request upload = requests.get(0);
		assertThat(upload.method()).isEqualTo("POST");
		assertThat(upload.path()).isEqualTo("/v1_1/demo-cloud/image/upload");
		assertThat(upload.contentType()).startsWith("multipart/form-data");
		Map<String, String> fields = fields(upload.body());
		assertThat(fields).containsEntry("type", "authenticated")
			.containsEntry("public_id", "healthconnect/65a1b2c3d4e5f60718293a4b")
			.containsEntry("api_key", KEY)
			.containsKeys("timestamp", "signature");
		assertThat(upload.body()).contains("\u0089PNG");
		assertThat(upload.body()).doesNotContain(SECRET);
		// Cloudinary's signature: SHA-1 over the sorted parameters (without file, api_key, signature) plus the secret
		Map<String, String> signed = new TreeMap<>(fields);
		signed.keySet().removeAll(List.of("file", "api_key", "signature", "resource_type"));
		StringBuilder toSign = new StringBuilder();
		signed.forEach((k, v) -> toSign.append(toSign.isEmpty() ? "" : "&").append(k).append('=').append(v));
		String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
			.digest((toSign + SECRET).getBytes(StandardCharsets.UTF_8)));
		assertThat(fields.get("signature")).isEqualTo(expected);

		MediaFile file = new MediaFile("65a1b2c3d4e5f60718293a4b", "owner", Role.PATIENT, "image/png", PNG.length,
				blob.storage(), blob.reference(), blob.format(), MediaFile.Purpose.CHAT, List.of("peer"), now);
		Delivery delivery = storage.deliver(file, false);
		assertThat(delivery).isInstanceOf(Delivery.Redirect.class);
		URI url = URI.create(((Delivery.Redirect) delivery).url());
		assertThat(url.getPath()).isEqualTo("/v1_1/demo-cloud/image/download");
		Map<String, String> query = UriComponentsBuilder.fromUri(url).build(true).getQueryParams().toSingleValueMap();
		assertThat(query).containsEntry("type", "authenticated")
			.containsEntry("public_id", "healthconnect%2F65a1b2c3d4e5f60718293a4b")
			.containsEntry("format", "png")
			.containsEntry("api_key", KEY)
			.containsEntry("expires_at", String.valueOf(now.plus(Duration.ofMinutes(5)).getEpochSecond()))
			.containsKey("signature");
		assertThat(url.toString()).doesNotContain(SECRET);
		// nothing was fetched to sign the URL
		assertThat(requests).hasSize(1);
	}

	/** The simple fields of a multipart body (the file part's content included as text). */
	static Map<String, String> fields(String body) {
		Map<String, String> fields = new TreeMap<>();
		Matcher part = Pattern.compile("name=\"([^\"]+)\"[^\\r\\n]*\\r\\n(?:[^\\r\\n]+\\r\\n)*\\r\\n(.*?)\\r\\n--",
				Pattern.DOTALL).matcher(body);
		while (part.find()) {
			fields.put(part.group(1), part.group(2));
		}
		return fields;
	}
}
