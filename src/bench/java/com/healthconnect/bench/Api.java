package com.healthconnect.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Set-up calls through the public API, as any client makes them: a CSRF token from {@code GET /api/auth/csrf} echoed
 * in {@code X-XSRF-TOKEN}, the session in the {@code token} cookie that register sets.
 */
final class Api {

	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-fA-F]{24})\"");
	private static final String PASSWORD = "Bench#Password1";

	/** A signed-in user: what a STOMP session or an authenticated request needs. */
	record Account(String id, String role, String email, String token, String xsrf) {

		String cookie() {
			return "token=" + token + "; XSRF-TOKEN=" + xsrf;
		}
	}

	record Response(int status, String body) {
	}

	final String base;
	private final HttpClient http;
	private volatile String anonymousXsrf;

	Api(String base) {
		this.base = base;
		this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10)).build();
	}

	String csrf(String cookie) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/auth/csrf"));
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		return cookieValue(response, "XSRF-TOKEN")
			.orElseGet(() -> jsonString(response.body(), "token").orElseThrow(
					() -> new IllegalStateException("No CSRF token from /api/auth/csrf: " + response.body())));
	}

	Account registerDoctor(String name, String email, String specialization) throws IOException, InterruptedException {
		return register("{\"role\":\"doctor\",\"name\":\"" + name + "\",\"email\":\"" + email + "\",\"password\":\""
				+ PASSWORD + "\",\"specialization\":\"" + specialization
				+ "\",\"qualification\":\"MD\",\"experience\":7,\"timeZone\":\"UTC\"}", email, "doctor");
	}

	Account registerPatient(String name, String email) throws IOException, InterruptedException {
		return register("{\"role\":\"patient\",\"name\":\"" + name + "\",\"email\":\"" + email + "\",\"password\":\""
				+ PASSWORD + "\"}", email, "patient");
	}

	private Account register(String json, String email, String role) throws IOException, InterruptedException {
		String xsrf = anonymousXsrf;
		if (xsrf == null) {
			xsrf = anonymousXsrf = csrf(null);
		}
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/register"))
			.header("Content-Type", "application/json").header("Cookie", "XSRF-TOKEN=" + xsrf)
			.header("X-XSRF-TOKEN", xsrf).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 201) {
			throw new IllegalStateException("register " + email + " -> " + response.statusCode() + " " + response.body());
		}
		String token = cookieValue(response, "token")
			.orElseThrow(() -> new IllegalStateException("register set no token cookie"));
		String id = first(ID, response.body()).orElseThrow();
		// the CSRF cookie may be rotated or cleared on sign-in; then ask for the signed-in user's one
		Optional<String> rotated = setCookie(response, "XSRF-TOKEN");
		String userXsrf = rotated.isEmpty() ? xsrf
				: !rotated.get().isEmpty() ? rotated.get() : csrf("token=" + token);
		return new Account(id, role, email, token, userXsrf);
	}

	Response send(Account as, String method, String path, String json) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
		if (as != null) {
			request.header("Cookie", as.cookie()).header("X-XSRF-TOKEN", as.xsrf());
		}
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofString(json));
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		return new Response(response.statusCode(), response.body());
	}

	Response sendOk(Account as, String method, String path, String json, int expected)
			throws IOException, InterruptedException {
		Response response = send(as, method, path, json);
		if (response.status() != expected) {
			throw new IllegalStateException(method + " " + path + " -> " + response.status() + " " + response.body());
		}
		return response;
	}

	/** Every day of the week, {@code slots} half-hour slots from 08:00, all bookable. */
	static String weeklySchedule(int slots) {
		StringBuilder json = new StringBuilder("[");
		for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
			json.append(json.length() > 1 ? "," : "").append("{\"day\":\"").append(day).append("\",\"slots\":[");
			for (int i = 0; i < slots; i++) {
				int start = 8 * 60 + i * 30;
				json.append(i > 0 ? "," : "").append("{\"slotNumber\":").append(i + 1).append(",\"startTime\":\"")
					.append(clock(start)).append("\",\"endTime\":\"").append(clock(start + 30))
					.append("\",\"isAvailable\":true}");
			}
			json.append("]}");
		}
		return json.append(']').toString();
	}

	static String clock(int minutes) {
		return String.format("%02d:%02d", minutes / 60, minutes % 60);
	}

	static Optional<String> jsonString(String json, String field) {
		return first(Pattern.compile("\"" + field + "\"\\s*:\\s*\"([^\"]*)\""), json);
	}

	private static Optional<String> first(Pattern pattern, String text) {
		Matcher m = pattern.matcher(text);
		return m.find() ? Optional.of(m.group(1)) : Optional.empty();
	}

	private static Optional<String> cookieValue(HttpResponse<?> response, String name) {
		return setCookie(response, name).filter(v -> !v.isEmpty());
	}

	private static Optional<String> setCookie(HttpResponse<?> response, String name) {
		return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
			.map(c -> c.substring(name.length() + 1).split(";", 2)[0]).reduce((a, b) -> b);
	}
}
