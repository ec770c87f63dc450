package com.healthconnect.notification.internal;

import java.time.Instant;
import java.util.Optional;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Notifications and e-mail preferences: indexes created at startup, every query scoped to its owner. */
@Component
public class NotificationStore implements InitializingBean {

	static final String PREFERENCES = "notification_preferences";

	private final MongoTemplate mongo;

	NotificationStore(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public void afterPropertiesSet() {
		mongo.indexOps(Notification.class).createIndex(new Index().on("userId", Sort.Direction.ASC)
			.on("createdAt", Sort.Direction.DESC).named("user_created"));
		mongo.indexOps(Notification.class).createIndex(new Index().on("userId", Sort.Direction.ASC)
			.on("readAt", Sort.Direction.ASC).named("user_read"));
	}

	public Notification insert(Notification notification) {
		return mongo.insert(notification);
	}

	public PageImpl<Notification> page(String userId, boolean unreadOnly, PageRequest request) {
		Criteria criteria = Criteria.where("userId").is(userId);
		if (unreadOnly) {
			criteria = criteria.and("readAt").is(null);
		}
		Query query = Query.query(criteria);
		long total = mongo.count(query, Notification.class);
		return new PageImpl<>(mongo.find(Query.of(query).with(request), Notification.class), request, total);
	}

	/** False when the user has no such notification. */
	public boolean markRead(String userId, String id, Instant now) {
		if (!ObjectId.isValid(id)) {
			return false;
		}
		Query mine = Query.query(Criteria.where("_id").is(new ObjectId(id)).and("userId").is(userId));
		if (!mongo.exists(mine, Notification.class)) {
			return false;
		}
		mongo.updateFirst(Query.of(mine).addCriteria(Criteria.where("readAt").is(null)), Update.update("readAt", now),
				Notification.class);
		return true;
	}

	public void markAllRead(String userId, Instant now) {
		mongo.updateMulti(Query.query(Criteria.where("userId").is(userId).and("readAt").is(null)),
				Update.update("readAt", now), Notification.class);
	}

	public long unread(String userId) {
		return mongo.count(Query.query(Criteria.where("userId").is(userId).and("readAt").is(null)), Notification.class);
	}

	/** E-mail is on unless the user turned it off. */
	public boolean emailOn(String userId) {
		Document found = mongo.findById(userId, Document.class, PREFERENCES);
		return Optional.ofNullable(found).map(d -> d.getBoolean("email", true)).orElse(true);
	}

	/** Every notification of the user, oldest first (the data export). */
	public java.util.List<Notification> all(String userId) {
		return mongo.find(Query.query(Criteria.where("userId").is(userId)).with(Sort.by("createdAt", "_id")),
				Notification.class);
	}

	/** The user's notifications and preferences go (the account was deleted). */
	public void eraseAll(String userId) {
		mongo.remove(Query.query(Criteria.where("userId").is(userId)), Notification.class);
		mongo.remove(Query.query(Criteria.where("_id").is(userId)), PREFERENCES);
	}

	public void setEmail(String userId, boolean on) {
		mongo.upsert(Query.query(Criteria.where("_id").is(userId)), Update.update("email", on), PREFERENCES);
	}
}
