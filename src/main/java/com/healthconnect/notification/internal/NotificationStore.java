package com.healthconnect.notification.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
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
		mongo.indexOps(Notification.class).createIndex(new Index().on("mailState", Sort.Direction.ASC)
			.on("mailNextAt", Sort.Direction.ASC).named("mail_outbox"));
	}

	/** Inserts it unless a notification with its id exists (a redelivery); empty then. */
	public Optional<Notification> insertOnce(Notification notification) {
		try {
			return Optional.of(mongo.insert(notification));
		}
		catch (DuplicateKeyException alreadyThere) {
			return Optional.empty();
		}
	}

	/**
	 * Leases one mail that is due to the caller: {@code pending} and due by {@code now}, or {@code sending} by a sender
	 * that has held it longer than {@code lease} (it died mid-send). Only one caller gets each; empty when none is due.
	 */
	public Optional<Notification> claimMail(Instant now, Duration lease) {
		Query due = Query.query(new Criteria().orOperator(
				Criteria.where("mailState").is(Notification.PENDING).and("mailNextAt").lte(now),
				Criteria.where("mailState").is(Notification.SENDING).and("mailClaimedAt").lt(now.minus(lease))))
			.with(Sort.by("mailNextAt"));
		return take(due, now);
	}

	/** Leases a new notification's mail, not tried yet, to the caller; empty when another sender has it already. */
	public Optional<Notification> claimNewMail(String id, Instant now) {
		Query fresh = Query.query(Criteria.where("_id").is(id).and("mailState").is(Notification.PENDING)
			.and("mailAttempts").is(0));
		return take(fresh, now);
	}

	private Optional<Notification> take(Query query, Instant now) {
		Update take = new Update().set("mailState", Notification.SENDING).set("mailClaimedAt", now).inc("mailAttempts", 1);
		return Optional.ofNullable(mongo.findAndModify(query, take, FindAndModifyOptions.options().returnNew(true),
				Notification.class));
	}

	/** The claimed mail went out: sent, and its rendered copy is dropped. False when the lease was lost meanwhile. */
	public boolean mailSent(Notification claimed, Instant now) {
		return mongo.updateFirst(heldBy(claimed), new Update().set("mailState", Notification.SENT).set("mailedAt", now)
			.unset("mail").unset("mailClaimedAt").unset("mailNextAt"), Notification.class).getModifiedCount() == 1;
	}

	/** The claimed mail could not go out: tried again from {@code next}, or never again when {@code next} is null. */
	public void mailFailed(Notification claimed, Instant next) {
		Update update = next == null
				? new Update().set("mailState", Notification.FAILED).unset("mail").unset("mailClaimedAt").unset("mailNextAt")
				: new Update().set("mailState", Notification.PENDING).set("mailNextAt", next).unset("mailClaimedAt");
		mongo.updateFirst(heldBy(claimed), update, Notification.class);
	}

	private static Query heldBy(Notification claimed) {
		return Query.query(Criteria.where("_id").is(claimed.id()).and("mailState").is(Notification.SENDING)
			.and("mailClaimedAt").is(claimed.mailClaimedAt()));
	}

	public Optional<Notification> find(String id) {
		return Optional.ofNullable(mongo.findById(id, Notification.class));
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
