package com.healthconnect.call.web;

import java.util.Map;

import org.springframework.stereotype.Component;

import com.healthconnect.auth.CurrentUser;
import com.healthconnect.call.internal.Signaling;
import com.healthconnect.platform.DomainException;
import com.healthconnect.realtime.InlineDestination;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /app/ice-candidate {to, candidate, callId?}}, handled inline rather than by {@link SignalingController}: at
 * thousands of candidates a second the default route (inbound executor, handler-method resolution, binding into a
 * record) cost more than the relay. The payload is read once as a tree and checked as strictly as the binding would
 * (unknown fields and wrong types are a 400); the rules stay in {@link Signaling#iceCandidate}.
 */
@Component
class IceCandidateFrames implements InlineDestination {

	private static final Map<String, Boolean> FIELDS = Map.of("to", true, "candidate", true, "callId", true);

	private final Signaling signaling;
	private final JsonMapper json;

	IceCandidateFrames(Signaling signaling, JsonMapper json) {
		this.signaling = signaling;
		this.json = json;
	}

	@Override
	public String destination() {
		return "/app/ice-candidate";
	}

	@Override
	public void handle(CurrentUser from, String sessionId, byte[] payload) {
		JsonNode frame;
		try {
			frame = json.readTree(payload);
		}
		catch (JacksonException ex) {
			throw unreadable("not valid JSON");
		}
		if (frame == null || !frame.isObject()) {
			throw unreadable("not a JSON object");
		}
		for (String field : frame.propertyNames()) {
			if (!FIELDS.containsKey(field)) {
				throw unreadable("Unrecognized property \"" + field + "\"");
			}
		}
		signaling.iceCandidate(from, text(frame, "to"), frame.get("candidate"), text(frame, "callId"));
	}

	private static String text(JsonNode frame, String field) {
		JsonNode value = frame.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw DomainException.invalidField(field, "must be a string");
		}
		return value.asString();
	}

	private static DomainException unreadable(String problem) {
		return DomainException.invalid("The payload is not the JSON object this destination expects: " + problem);
	}
}
