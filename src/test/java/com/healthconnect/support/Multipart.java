package com.healthconnect.support;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import com.healthconnect.support.ApiClient.Response;

/** A {@code multipart/form-data} body built by hand, sent with the user's cookies and CSRF header. */
public final class Multipart {

	/** A real 1x1 PNG. */
	public static final byte[] PNG = Base64.getDecoder().decode(
			"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

	private final String boundary = "----hc" + UUID.randomUUID();
	private final ByteArrayOutputStream body = new ByteArrayOutputStream();

	public Multipart file(String field, String filename, String contentType, byte[] content) {
		write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + filename
				+ "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
		body.writeBytes(content);
		write("\r\n");
		return this;
	}

	public Multipart field(String field, String value) {
		write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"\r\n\r\n" + value + "\r\n");
		return this;
	}

	public Response post(ApiClient client, String path) {
		write("--" + boundary + "--\r\n");
		return client.send(client.request(path)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("X-XSRF-TOKEN", client.csrf()));
	}

	/** Bytes that start like a PNG, padded to the given size. */
	public static byte[] pngOfSize(int size) {
		byte[] bytes = new byte[size];
		System.arraycopy(PNG, 0, bytes, 0, PNG.length);
		return bytes;
	}

	private void write(String text) {
		body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}
}
