package com.healthconnect.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A browser-like client for full-stack tests: keeps cookies, fetches the CSRF token and sends it on every mutating
 * call, like the web UI does. One instance is one signed-in (or anonymous) user.
 */
public class ApiClient {

	public static final JsonMapper JSON = JsonMapper.builder().build();

	private final String baseUrl;
	private final CookieManager cookies;
	private final HttpClient http;
	private String csrfToken;
	private JsonNode user;

	public ApiClient(int port) {
		this.baseUrl = "http://localhost:" + port;
		this.cookies = new CookieManager();
		this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
	}

	private ApiClient(int port, ApiClient same) {
		this.baseUrl = "http://localhost:" + port;
		this.cookies = same.cookies;
		this.http = same.http;
		this.csrfToken = same.csrfToken;
		this.user = same.user;
	}

	/** The same signed-in user, talking to the instance on another port (cookies are shared per host). */
	public ApiClient on(int port) {
		return new ApiClient(port, this);
	}

	public Response get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET());
	}

	public Response post(String path, Object body) {
		return send(withJson(HttpRequest.newBuilder(uri(path)), "POST", body));
	}

	public Response put(String path, Object body) {
		return send(withJson(HttpRequest.newBuilder(uri(path)), "PUT", body));
	}

	public Response patch(String path, Object body) {
		return send(withJson(HttpRequest.newBuilder(uri(path)), "PATCH", body));
	}

	public Response delete(String path) {
		return send(HttpRequest.newBuilder(uri(path)).DELETE().header("X-XSRF-TOKEN", csrf()));
	}

	public Response delete(String path, Object body) {
		return send(withJson(HttpRequest.newBuilder(uri(path)), "DELETE", body));
	}

	/** Sends a request as it is: no CSRF header unless the builder has one. */
	public Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(uri(path));
	}

	public String csrf() {
		if (csrfToken == null) {
			csrfToken = get("/api/auth/csrf").json().get("token").asString();
		}
		return csrfToken;
	}

	public Optional<HttpCookie> cookie(String name) {
		return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).findFirst();
	}

	/** The raw {@code token} cookie value, for STOMP clients and tamper tests. */
	public String sessionToken() {
		return cookie("token").map(HttpCookie::getValue).orElseThrow();
	}

	public void setSessionToken(String token) {
		HttpCookie cookie = new HttpCookie("token", token);
		cookie.setPath("/");
		cookie.setVersion(0);
		cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("token")).toList()
			.forEach(c -> cookies.getCookieStore().remove(URI.create(baseUrl), c));
		cookies.getCookieStore().add(URI.create(baseUrl), cookie);
	}

	public String baseUrl() {
		return baseUrl;
	}

	public JsonNode user() {
		return user;
	}

	public String userId() {
		return user.get("id").asString();
	}

	public ApiClient registerPatient(String name) {
		return register(Map.of("role", "patient", "name", name, "email", uniqueEmail(name), "password",
				"correct-horse-9"));
	}

	/** A patient living in {@code timeZone}, who reads every time there. */
	public ApiClient registerPatient(String name, String timeZone) {
		return register(Map.of("role", "patient", "name", name, "email", uniqueEmail(name), "password",
				"correct-horse-9", "timeZone", timeZone));
	}

	public ApiClient registerDoctor(String name, String specialization, String timeZone) {
		return register(Map.of("role", "doctor", "name", name, "email", uniqueEmail(name), "password",
				"correct-horse-9", "specialization", specialization, "qualification", "MD", "experience", 10,
				"timeZone", timeZone));
	}

	public ApiClient register(Map<String, Object> body) {
		Response response = post("/api/auth/register", body);
		if (response.status() != 201) {
			throw new IllegalStateException("register failed: " + response.status() + " " + response.body());
		}
		this.user = response.json();
		return this;
	}

	public Response login(String email, String password, String role) {
		Response response = post("/api/auth/login", role == null ? Map.of("email", email, "password", password)
				: Map.of("email", email, "password", password, "role", role));
		if (response.status() == 200) {
			this.user = response.json();
		}
		return response;
	}

	public static String uniqueEmail(String name) {
		return name.toLowerCase().replaceAll("[^a-z]", "") + "-" + UUID.randomUUID().toString().substring(0, 8)
				+ "@test.healthconnect.local";
	}

	private URI uri(String path) {
		return URI.create(baseUrl + path);
	}

	private HttpRequest.Builder withJson(HttpRequest.Builder builder, String method, Object body) {
		String json = body instanceof String s ? s : JSON.writeValueAsString(body);
		return builder.method(method, HttpRequest.BodyPublishers.ofString(json))
			.header("Content-Type", "application/json")
			.header("X-XSRF-TOKEN", csrf());
	}

	public record Response(HttpResponse<String> raw) {

		public int status() {
			return raw.statusCode();
		}

		public String body() {
			return raw.body();
		}

		public JsonNode json() {
			return JSON.readTree(raw.body());
		}

		public Optional<String> header(String name) {
			return raw.headers().firstValue(name);
		}

		public java.util.List<String> headers(String name) {
			return raw.headers().allValues(name);
		}
	}
}
