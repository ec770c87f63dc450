package com.healthconnect.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.healthconnect.support.ApiClient;
import com.healthconnect.support.ApiClient.Response;
import com.healthconnect.support.Appointments;
import com.healthconnect.support.IntegrationTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Walks every operation the OpenAPI description at {@code /v3/api-docs} lists, as a patient, a doctor and an anonymous
 * caller, with malformed bodies (not JSON, the wrong JSON type, each field of the schema given the wrong type, null,
 * a huge string, characters that are refused), wrong query parameters and bad path ids. Every answer must be below 500,
 * and every error an RFC 9457 problem detail.
 */
@IntegrationTest
class ApiFuzzIT {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
	private static final String HUGE = "x".repeat(100_000);
	private static final List<String> BAD_IDS = List.of("nope", "ffffffffffffffffffffffff", "-1", "%E2%80%AE",
			"0".repeat(300), "%20", "a.b");
	private static final List<String> BAD_QUERY_VALUES = List.of("", "abc", "-1", "99999999999999999999", "+99999-12-31",
			"%00", "1e9", "%E2%80%AE", "x".repeat(3000));
	private static final List<String> RAW_BODIES = List.of("", "{", "[]", "null", "\"text\"", "123", "{}", "[{}]",
			"{\"a\":", "\u0000", "{\"x\":1}", "{\"id\":\"" + HUGE + "\"}");

	@LocalServerPort
	int port;

	private final List<String> failures = new ArrayList<>();
	private final List<String> timings = new ArrayList<>();
	private String appointmentId;
	private String patientId;
	private String doctorId;
	private int requests;

	@Test
	void noOperationAnswersMalformedInputWithA5xxOrANonProblemBody() {
		JsonNode docs = new ApiClient(port).get("/v3/api-docs").json();
		ApiClient patient = new ApiClient(port).registerPatient("Fuzz Patient");
		ApiClient doctor = new ApiClient(port).registerDoctor("Dr Fuzz", "Cardiology", "UTC");
		ApiClient anonymous = new ApiClient(port);
		appointmentId = Appointments.connect(doctor, patient);
		patientId = patient.userId();
		doctorId = doctor.userId();

		Set<String> operations = new LinkedHashSet<>();
		List<Runnable> logouts = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : docs.get("paths").properties()) {
			for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
				String method = operation.getKey().toUpperCase(java.util.Locale.ROOT);
				if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
					continue;
				}
				operations.add(method + " " + path.getKey());
				if (path.getKey().endsWith("/logout")) {
					// signing out would end the fuzzing users' sessions: walk it last, with users of its own
					logouts.add(() -> walk(docs, new ApiClient(port).registerPatient("Fuzz Leaver"), method,
							path.getKey(), operation.getValue()));
					continue;
				}
						long started = System.nanoTime();
				int before = requests;
				for (ApiClient caller : List.of(patient, doctor, anonymous)) {
					walk(docs, caller, method, path.getKey(), operation.getValue());
				}
				timings.add(method + " " + path.getKey() + ": " + (requests - before) + " requests, "
						+ (System.nanoTime() - started) / 1_000_000 + " ms");
			}
		}
		logouts.forEach(Runnable::run);
		System.out.println("ApiFuzzIT: " + requests + " requests over " + operations.size() + " operations\n  "
				+ String.join("\n  ", timings));

		assertThat(operations).as("operations listed by /v3/api-docs").hasSizeGreaterThan(20);
		assertThat(failures).as(requests + " requests over " + operations.size() + " operations").isEmpty();
	}

	/**
	 * Bad path ids, then bad query values, then bad bodies, each on its own (not every combination): on a path with
	 * ids those that exist, so that a body that gets through validation reaches the domain logic.
	 */
	private void walk(JsonNode docs, ApiClient caller, String method, String pathTemplate, JsonNode operation) {
		JsonNode content = operation.path("requestBody").path("content");
		String contentType = content.has("application/json") ? "application/json"
				: content.has("multipart/form-data") ? "multipart/form-data" : null;
		Map<String, byte[]> bodies = new LinkedHashMap<>();
		if ("application/json".equals(contentType)) {
			for (String body : jsonBodies(docs, content.get("application/json").get("schema"))) {
				bodies.put(body, body.getBytes(StandardCharsets.UTF_8));
			}
		}
		Map<String, byte[]> multiparts = "multipart/form-data".equals(contentType) ? multipartBodies() : Map.of();
		String firstType = multiparts.isEmpty() ? contentType : multiparts.keySet().iterator().next();
		byte[] firstBody = !bodies.isEmpty() ? bodies.values().iterator().next()
				: !multiparts.isEmpty() ? multiparts.values().iterator().next() : null;

		String realPath = pathTemplate;
		if (pathTemplate.contains("{")) {
			for (String id : BAD_IDS) {
				check(caller, method, pathTemplate.replaceAll("\\{[^}]+}", id), firstType, firstBody);
			}
			realPath = pathTemplate.replaceAll("\\{[^}]+}", realId(pathTemplate));
		}
		for (String query : queries(operation)) {
			check(caller, method, realPath + query, firstType, firstBody);
		}
		if (caller.user() == null) {
			return; // anonymous: refused before any body is read
		}
		for (byte[] body : bodies.values()) {
			check(caller, method, realPath, contentType, body);
		}
		for (Map.Entry<String, byte[]> multipart : multiparts.entrySet()) {
			check(caller, method, realPath, multipart.getKey(), multipart.getValue());
		}
	}

	private String realId(String pathTemplate) {
		if (pathTemplate.startsWith("/api/appointments/")) {
			return appointmentId;
		}
		if (pathTemplate.startsWith("/api/patients/")) {
			return patientId;
		}
		return doctorId; // doctors' pages, and the other party of a conversation
	}

	/** No query at all, and each listed parameter in turn with each bad value (the others left out). */
	private static List<String> queries(JsonNode operation) {
		List<String> queries = new ArrayList<>(List.of(""));
		for (JsonNode parameter : operation.path("parameters")) {
			if (!"query".equals(parameter.path("in").asString())) {
				continue;
			}
			for (String value : BAD_QUERY_VALUES) {
				queries.add("?" + parameter.get("name").asString() + "=" + value);
			}
			queries.add("?" + parameter.get("name").asString() + "=1&" + parameter.get("name").asString() + "=2");
		}
		return queries;
	}

	/** Raw malformed bodies, then a plausible object from the schema with each field broken in turn. */
	private static List<String> jsonBodies(JsonNode docs, JsonNode schema) {
		List<String> bodies = new ArrayList<>(RAW_BODIES);
		JsonNode resolved = resolve(docs, schema);
		List<JsonNode> shapes = new ArrayList<>();
		if (resolved.has("oneOf")) {
			resolved.get("oneOf").forEach(shape -> shapes.add(resolve(docs, shape)));
		}
		else {
			shapes.add(resolved);
		}
		for (JsonNode shape : shapes) {
			JsonNode valid = sample(docs, shape, 0);
			bodies.add(valid.toString());
			if (valid instanceof ObjectNode object) {
				for (String field : object.propertyNames()) {
					// the wrong value alone (partial updates take it as it is), then amid plausible other fields
					for (JsonNode wrong : wrongValues(docs, shape.path("properties").path(field))) {
						bodies.add(NODES.objectNode().set(field, wrong).toString());
					}
					for (JsonNode wrong : List.of(NODES.nullNode(), NODES.numberNode(123), NODES.objectNode(),
							NODES.stringNode("a\u0000b"))) {
						ObjectNode broken = object.deepCopy();
						broken.set(field, wrong);
						bodies.add(broken.toString());
					}
				}
			}
			else if (valid instanceof ArrayNode array && !array.isEmpty() && array.get(0) instanceof ObjectNode item) {
				for (String field : item.propertyNames()) {
					for (JsonNode wrong : wrongValues(docs, resolve(docs, shape.path("items")).path("properties").path(field))) {
						ObjectNode broken = item.deepCopy();
						broken.set(field, wrong);
						bodies.add(NODES.arrayNode().add(broken).toString());
					}
				}
			}
		}
		return bodies;
	}

	private static List<JsonNode> wrongValues(JsonNode docs, JsonNode property) {
		List<JsonNode> wrong = new ArrayList<>(List.of(NODES.nullNode(), NODES.numberNode(123), NODES.booleanNode(true),
				NODES.objectNode().put("a", 1), NODES.arrayNode().add(NODES.nullNode()), NODES.stringNode(HUGE),
				NODES.stringNode("a\u0000b\u202ec\ud800"), NODES.stringNode("+99999-12-31"),
				NODES.numberNode(new java.math.BigInteger("99999999999999999999999")), NODES.stringNode("")));
		JsonNode resolved = resolve(docs, property);
		if ("array".equals(resolved.path("type").asString())) {
			JsonNode item = sample(docs, resolve(docs, resolved.path("items")), 1);
			wrong.add(NODES.arrayNode().add(item).add(NODES.nullNode()));
			if (item instanceof ObjectNode object) {
				for (String field : object.propertyNames()) {
					ObjectNode broken = object.deepCopy();
					broken.putNull(field);
					wrong.add(NODES.arrayNode().add(broken));
					broken = object.deepCopy();
					broken.put(field, 7);
					wrong.add(NODES.arrayNode().add(broken));
				}
			}
			ArrayNode many = NODES.arrayNode();
			for (int i = 0; i < 200; i++) {
				many.add(item);
			}
			wrong.add(many);
		}
		return wrong;
	}

	private static JsonNode sample(JsonNode docs, JsonNode schema, int depth) {
		JsonNode resolved = resolve(docs, schema);
		if (depth > 4) {
			return NODES.nullNode();
		}
		if (resolved.has("oneOf")) {
			return sample(docs, resolved.get("oneOf").get(0), depth + 1);
		}
		if (resolved.has("enum")) {
			return resolved.get("enum").get(0);
		}
		String type = resolved.path("type").asString();
		if (type.isEmpty() && resolved.has("properties")) {
			type = "object";
		}
		return switch (type) {
			case "object" -> {
				ObjectNode object = NODES.objectNode();
				for (Map.Entry<String, JsonNode> property : resolved.path("properties").properties()) {
					object.set(property.getKey(), sample(docs, property.getValue(), depth + 1));
				}
				yield object;
			}
			case "array" -> NODES.arrayNode().add(sample(docs, resolved.path("items"), depth + 1));
			case "integer" -> NODES.numberNode(1);
			case "number" -> NODES.numberNode(1.5);
			case "boolean" -> NODES.booleanNode(true);
			case "string" -> switch (resolved.path("format").asString()) {
				case "date" -> NODES.stringNode("2000-01-01");
				case "date-time" -> NODES.stringNode("2030-01-01T09:00:00Z");
				default -> NODES.stringNode("sample");
			};
			default -> NODES.stringNode("sample");
		};
	}

	private static JsonNode resolve(JsonNode docs, JsonNode schema) {
		JsonNode current = schema == null ? NODES.objectNode() : schema;
		for (int hops = 0; hops < 10 && current.has("$ref"); hops++) {
			String name = current.get("$ref").asString().replace("#/components/schemas/", "");
			current = docs.path("components").path("schemas").path(name);
		}
		if (current.has("allOf") && current.get("allOf").size() == 1) {
			return resolve(docs, current.get("allOf").get(0));
		}
		return current;
	}

	private static Map<String, byte[]> multipartBodies() {
		Map<String, byte[]> bodies = new LinkedHashMap<>();
		String part = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\u0000.png\"\r\n"
				+ "Content-Type: image/png\r\n\r\n\u0089PNG\r\n";
		bodies.put("multipart/form-data", (part + "--b--\r\n").getBytes(StandardCharsets.ISO_8859_1));
		bodies.put("multipart/form-data; boundary=b", part.getBytes(StandardCharsets.ISO_8859_1));
		bodies.put("multipart/form-data; boundary=\"", new byte[0]);
		bodies.put("multipart/form-data; boundary=zz", (part + "--b--\r\n").getBytes(StandardCharsets.ISO_8859_1));
		bodies.put("application/json", "{}".getBytes(StandardCharsets.UTF_8));
		bodies.put("multipart/form-data; boundary=b ", ("--b\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n"
				+ HUGE + "\r\n--b--\r\n").getBytes(StandardCharsets.ISO_8859_1));
		return bodies;
	}

	private void check(ApiClient caller, String method, String target, String contentType, byte[] body) {
		HttpRequest.Builder request = caller.request(target)
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
			.header("X-XSRF-TOKEN", caller.csrf());
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		Response response;
		try {
			response = caller.send(request);
		}
		catch (IllegalArgumentException | IllegalStateException refusedByTheClient) {
			return; // a target java.net.http will not send; MalformedRequestsIT sends those raw
		}
		requests++;
		String what = method + " " + abbreviate(target) + " [" + contentType + "] "
				+ (body == null ? "" : abbreviate(new String(body, StandardCharsets.UTF_8))) + " -> " + response.status()
				+ " " + abbreviate(response.body());
		if (response.status() >= 500) {
			failures.add("5xx: " + what);
		}
		else if (response.status() >= 400 && !isProblem(response)) {
			failures.add("not a problem detail: " + what);
		}
	}

	private static boolean isProblem(Response response) {
		if (!response.header("Content-Type").orElse("").contains("application/problem+json")) {
			return false;
		}
		try {
			JsonNode json = response.json();
			return json.path("status").asInt() == response.status() && json.hasNonNull("title")
					&& !json.has("timestamp");
		}
		catch (RuntimeException notJson) {
			return false;
		}
	}

	private static String abbreviate(String text) {
		String flat = text.replace("\r", "\\r").replace("\n", "\\n");
		return flat.length() > 160 ? flat.substring(0, 160) + "..." : flat;
	}
}
