package com.healthconnect.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.healthconnect.support.ApiClient;
import com.healthconnect.support.ApiClient.Response;
import com.healthconnect.support.IntegrationTest;
import com.healthconnect.support.Schedules;

import tools.jackson.databind.JsonNode;

@IntegrationTest
class DoctorDirectoryIT {

	@LocalServerPort
	int port;

	ApiClient anonymous() {
		return new ApiClient(port);
	}

	@Test
	void searchMatchesNameOrSpecializationCaseInsensitivelyAndPages() {
		String tag = "Zq" + UUID.randomUUID().toString().substring(0, 6);
		new ApiClient(port).registerDoctor("Dr Alpha " + tag, "Cardiology", "UTC");
		new ApiClient(port).registerDoctor("Dr Beta", tag + " Surgery", "Europe/Berlin");
		new ApiClient(port).registerDoctor("Dr Gamma " + tag, "Neurology", "Asia/Tokyo");

		JsonNode byQ = anonymous().get("/api/doctors?q=" + tag.toUpperCase()).json();
		assertThat(byQ.get("totalElements").asLong()).isEqualTo(3);
		assertThat(byQ.get("content").get(0).get("name").asString()).isEqualTo("Dr Alpha " + tag);
		JsonNode first = byQ.get("content").get(0);
		assertThat(first.get("rating").get("count").asLong()).isZero();
		assertThat(first.get("timeZone").asString()).isEqualTo("UTC");
		assertThat(first.has("email")).isFalse();
		assertThat(first.has("schedule")).isFalse();

		JsonNode paged = anonymous().get("/api/doctors?q=" + tag + "&page=1&size=2").json();
		assertThat(paged.get("content")).hasSize(1);
		assertThat(paged.get("page").asInt()).isEqualTo(1);
		assertThat(paged.get("size").asInt()).isEqualTo(2);
		assertThat(paged.get("totalPages").asInt()).isEqualTo(2);

		JsonNode filtered = anonymous().get("/api/doctors?q=" + tag + "&specialization=neurology").json();
		assertThat(filtered.get("totalElements").asLong()).isEqualTo(1);
		assertThat(filtered.get("content").get(0).get("name").asString()).isEqualTo("Dr Gamma " + tag);

		// regular-expression characters are literals
		assertThat(anonymous().get("/api/doctors?q=.*").json().get("totalElements").asLong()).isZero();
		assertThat(anonymous().get("/api/doctors?q=(").status()).isEqualTo(200);

		List<String> specializations = anonymous().get("/api/doctors/specializations").json().valueStream()
			.map(JsonNode::asString).toList();
		assertThat(specializations).contains("Cardiology", "Neurology", tag + " Surgery");
		assertThat(specializations).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
	}

	@Test
	void theDirectoryShowsAProfileChangeAtOnce() {
		String tag = "Fr" + UUID.randomUUID().toString().substring(0, 6);
		ApiClient doctor = new ApiClient(port).registerDoctor("Dr Before " + tag, "Dermatology", "UTC");
		assertThat(anonymous().get("/api/doctors?q=" + tag).json().get("totalElements").asLong()).isEqualTo(1);

		assertThat(doctor.put("/api/doctors/me", Map.of("name", "Dr After " + tag, "specialization", "Oncology"))
			.status()).isEqualTo(200);
		JsonNode listed = anonymous().get("/api/doctors?q=" + tag).json().get("content").get(0);
		assertThat(listed.get("name").asString()).isEqualTo("Dr After " + tag);
		assertThat(listed.get("specialization").asString()).isEqualTo("Oncology");
		assertThat(anonymous().get("/api/doctors?q=before%20" + tag).json().get("totalElements").asLong()).isZero();
		assertThat(anonymous().get("/api/doctors?q=" + tag + "&specialization=oncology").json()
			.get("totalElements").asLong()).isEqualTo(1);
	}

	@Test
	void badPagingIs400() {
		assertThat(anonymous().get("/api/doctors?size=101").status()).isEqualTo(400);
		assertThat(anonymous().get("/api/doctors?page=-1").status()).isEqualTo(400);
		Response wrongType = anonymous().get("/api/doctors?page=abc");
		assertThat(wrongType.status()).isEqualTo(400);
		assertThat(wrongType.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("problem+json"));
	}

	@Test
	void doctorPageShowsTheScheduleAndUnknownOrMalformedIdsAre404() {
		ApiClient doctor = Schedules.doctorWithSchedule(port, "Dr Detail", "Oncology", "America/New_York");
		JsonNode detail = anonymous().get("/api/doctors/" + doctor.userId()).json();
		assertThat(detail.get("name").asString()).isEqualTo("Dr Detail");
		assertThat(detail.get("schedule")).hasSize(7);
		assertThat(detail.get("schedule").get(0).get("day").asString()).isEqualTo("MONDAY");
		assertThat(detail.get("schedule").get(0).get("slots").get(2).get("isAvailable").asBoolean()).isFalse();
		assertThat(detail.has("email")).isFalse();
		for (String id : new String[] { "nope", "5f1d7f3e9c1b2a0011223344", "%24where" }) {
			Response missing = anonymous().get("/api/doctors/" + id);
			assertThat(missing.status()).as(id).isEqualTo(404);
			assertThat(missing.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("problem+json"));
			assertThat(anonymous().get("/api/doctors/" + id + "/slots?date=2026-12-01").status()).isEqualTo(404);
		}
	}

	@Test
	void scheduleIsValidatedWithPathsIntoTheBodyAndARefusalStoresNothing() {
		ApiClient doctor = Schedules.doctorWithSchedule(port, "Dr Schedule", "Dermatology", "Europe/Berlin");
		String path = "/api/doctors/me/schedule";

		Response overlap = doctor.put(path, List.of(Map.of("day", "MONDAY", "slots",
				List.of(Schedules.slot(1, "09:00", "10:00", true), Schedules.slot(2, "09:30", "10:30", true)))));
		assertErrorField(overlap, "[0].slots[1]");
		assertErrorField(doctor.put(path, List.of(Map.of("day", "MONDAY", "slots",
				List.of(Schedules.slot(1, "10:00", "09:00", true))))), "[0].slots[0].endTime");
		assertErrorField(doctor.put(path, List.of(Map.of("day", "MONDAY", "slots", List.of()),
				Map.of("day", "MONDAY", "slots", List.of()))), "[1].day");
		assertErrorField(doctor.put(path, List.of(Map.of("day", "FUNDAY", "slots", List.of()))), "[0].day");
		assertErrorField(doctor.put(path, "[{\"day\":\"MONDAY\",\"slots\":[{\"slotNumber\":\"x\",\"startTime\":\"09:00\","
				+ "\"endTime\":\"09:30\",\"isAvailable\":true}]}]"), "[0].slots[0].slotNumber");
		assertErrorField(doctor.put(path, "[{\"day\":\"MONDAY\",\"slots\":[{\"slotNumber\":1,\"startTime\":\"09:00\","
				+ "\"endTime\":\"09:30\",\"isAvailable\":true,\"booked\":true}]}]"), "[0].slots[0].booked");
		assertErrorField(doctor.put(path, "[{\"day\":\"MONDAY\",\"slots\":[{\"slotNumber\":1,\"startTime\":\"25:00\","
				+ "\"endTime\":\"09:30\",\"isAvailable\":true}]}]"), "[0].slots[0].startTime");
		assertThat(doctor.put(path, "{\"day\":\"MONDAY\"}").status()).isEqualTo(400);

		JsonNode stored = doctor.get("/api/doctors/me").json().get("schedule");
		assertThat(stored).hasSize(7);
		assertThat(stored.get(0).get("slots")).hasSize(3);

		Response replaced = doctor.put(path, List.of(Map.of("day", "FRIDAY", "slots",
				List.of(Schedules.slot(2, "14:00", "14:30", true), Schedules.slot(1, "08:00", "08:30", true)))));
		assertThat(replaced.status()).isEqualTo(200);
		assertThat(replaced.json().get("schedule")).hasSize(1);
		assertThat(replaced.json().get("schedule").get(0).get("slots").get(0).get("startTime").asString())
			.isEqualTo("08:00");

		assertThat(new ApiClient(port).registerPatient("Not A Doctor").put(path, List.of()).status()).isEqualTo(403);
	}

	@Test
	void slotsAreInstantsForTheDateAndBadDatesAre400() {
		ApiClient doctor = new ApiClient(port).registerDoctor("Dr Dst", "Pediatrics", "America/New_York");
		doctor.put("/api/doctors/me/schedule", List.of(Map.of("day", "SUNDAY", "slots",
				List.of(Schedules.slot(1, "01:30", "02:00", true), Schedules.slot(2, "02:30", "03:00", true),
						Schedules.slot(3, "09:00", "09:30", true)))));
		String slots = "/api/doctors/" + doctor.userId() + "/slots?date=";
		JsonNode springForward = anonymous().get(slots + "2026-03-08").json();
		assertThat(springForward.valueStream().map(s -> s.get("startTime").asString()).toList()).containsExactly("09:00");
		assertThat(springForward.get(0).get("startsAt").asString()).isEqualTo("2026-03-08T13:00:00Z");
		assertThat(springForward.get(0).get("available").asBoolean()).as("in the past").isFalse();
		JsonNode fallBack = anonymous().get(slots + "2026-11-01").json();
		assertThat(fallBack.get(0).get("startsAt").asString()).isEqualTo("2026-11-01T05:30:00Z");
		assertThat(fallBack.get(0).get("endsAt").asString()).isEqualTo("2026-11-01T07:00:00Z");
		assertThat(anonymous().get(slots + "2026-11-02").json()).isEmpty();

		for (String bad : new String[] { "2026-02-30", "tomorrow", "2026-1-5", "" }) {
			Response response = anonymous().get(slots + bad);
			assertThat(response.status()).as(bad).isEqualTo(400);
			assertThat(response.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("problem+json"));
		}
		assertThat(anonymous().get("/api/doctors/" + doctor.userId() + "/slots").status()).isEqualTo(400);
	}

	private static void assertErrorField(Response response, String field) {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
			.as(response.body()).contains(field);
	}
}
