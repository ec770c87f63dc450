package com.healthconnect.privacy.internal;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import com.healthconnect.auth.CurrentUser;
import com.healthconnect.privacy.PersonalData;

/**
 * The user's call log (the {@code calls} collection of the call module). It belongs in the call module, as a
 * {@link PersonalData} of its own; it is read here, as plain documents, only while that module is being rewritten.
 * Calls stay when the account is deleted: they hold ids and times only, and are the other side's log too.
 */
@Component
@Order(25)
class CallLogData implements PersonalData {

	static final String COLLECTION = "calls";

	private final MongoTemplate mongo;

	CallLogData(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public String section() {
		return "calls";
	}

	@Override
	public Object export(CurrentUser user) {
		Query query = Query.query(new Criteria().orOperator(Criteria.where("callerId").is(user.id()),
				Criteria.where("calleeId").is(user.id()))).with(Sort.by("startedAt", "_id"));
		List<Map<String, Object>> calls = new ArrayList<>();
		for (Document call : mongo.find(query, Document.class, COLLECTION)) {
			boolean outgoing = user.id().equals(call.getString("callerId"));
			Map<String, Object> line = new LinkedHashMap<>();
			line.put("id", String.valueOf(call.get("_id")));
			line.put("direction", outgoing ? "outgoing" : "incoming");
			line.put("peerId", call.getString(outgoing ? "calleeId" : "callerId"));
			line.put("mode", call.getString("mode"));
			line.put("appointmentId", call.getString("appointmentId"));
			line.put("startedAt", instant(call.get("startedAt")));
			line.put("answeredAt", instant(call.get("answeredAt")));
			line.put("endedAt", instant(call.get("endedAt")));
			line.put("outcome", call.get("outcome") == null ? null : String.valueOf(call.get("outcome")).toLowerCase());
			calls.add(line);
		}
		return calls;
	}

	@Override
	public void erase(CurrentUser user) {
		// kept: ids and times only, and the other participant's log as well
	}

	private static Object instant(Object value) {
		return value instanceof Date date ? date.toInstant() : value;
	}
}
