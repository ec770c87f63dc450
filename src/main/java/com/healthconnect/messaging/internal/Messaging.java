package com.healthconnect.messaging.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import com.healthconnect.messaging.MessageWhileAway;
import org.springframework.web.multipart.MultipartFile;

import com.healthconnect.auth.CurrentUser;
import com.healthconnect.media.MediaRef;
import com.healthconnect.media.MediaStore;
import com.healthconnect.platform.DomainException;
import com.healthconnect.appointment.Connections;
import com.healthconnect.appointment.People;
import com.healthconnect.realtime.UserSessions;

/**
 * Chat between a connected doctor and patient. A message is written to MongoDB before anyone is told about it, so
 * whatever a client has seen can be found in the history. A user the caller is not connected to does not exist as
 * far as chat is concerned (404).
 */
@Service
public class Messaging implements InitializingBean {

	public static final int MAX_TEXT = 4000;
	public static final int MAX_LIMIT = 100;
	static final String COLLECTION = "messages";

	private final MongoTemplate mongo;
	private final Connections connections;
	private final UserSessions sessions;
	private final MediaStore media;
	private final People people;
	private final Clock clock;
	private final ApplicationEventPublisher events;

	Messaging(MongoTemplate mongo, Connections connections, UserSessions sessions, MediaStore media, People people,
			Clock clock, ApplicationEventPublisher events) {
		this.events = events;
		this.mongo = mongo;
		this.connections = connections;
		this.sessions = sessions;
		this.media = media;
		this.people = people;
		this.clock = clock;
	}

	@Override
	public void afterPropertiesSet() {
		mongo.indexOps(Message.class).createIndex(new Index().on("senderId", Sort.Direction.ASC)
			.on("receiverId", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC));
		mongo.indexOps(Message.class)
			.createIndex(new Index().on("receiverId", Sort.Direction.ASC).on("read", Sort.Direction.ASC));
	}

	/** Validates a text before any work is queued for it (image messages may have no text). */
	public static String checkText(String text, boolean hasImage) {
		if (text != null && text.length() > MAX_TEXT) {
			throw DomainException.invalidField("text", "must be at most " + MAX_TEXT + " characters");
		}
		if (text == null || text.isBlank()) {
			if (!hasImage) {
				throw DomainException.invalidField("text", "must not be blank");
			}
			return null;
		}
		return text;
	}

	public MessageView send(CurrentUser from, String to, String text, MultipartFile image) {
		return send(from, to, text, image, null);
	}

	/**
	 * Persists the message, then pushes it to the receiver and to the sender's other sessions: the session it came
	 * from ({@code originSession}, when sent over STOMP) already has it.
	 */
	public MessageView send(CurrentUser from, String to, String text, MultipartFile image, String originSession) {
		requireConnected(from, to);
		String checked = checkText(text, image != null);
		MediaRef stored = image == null ? null : media.storeChatImage(from, image, to);
		Message message = new Message(new ObjectId().toHexString(), from.id(), to, stored == null ? "text" : "image",
				checked, stored == null ? null : stored.id(), false, null, now());
		mongo.insert(message);
		MessageView view = MessageView.of(message);
		if (!sessions.isOnline(to)) {
			events.publishEvent(new MessageWhileAway(to, from.id(), people.get(from.id(), from.role()).name()));
		}
		sessions.toUser(to, "/queue/messages", view);
		if (originSession == null) {
			sessions.toUser(from.id(), "/queue/messages", view);
		}
		else {
			sessions.toUserExcept(from.id(), originSession, "/queue/messages", view);
		}
		return view;
	}

	/** Newest first; {@code before} (a message id of this conversation) pages to older ones. */
	public List<MessageView> history(CurrentUser me, String peer, String before, Integer limit) {
		requireConnected(me, peer);
		int size = limit == null ? 50 : limit;
		if (size < 1 || size > MAX_LIMIT) {
			throw DomainException.invalidField("limit", "must be between 1 and " + MAX_LIMIT);
		}
		Criteria conversation = conversation(me.id(), peer);
		Criteria criteria = conversation;
		if (before != null) {
			Message anchor = ObjectId.isValid(before) ? mongo.findById(before, Message.class) : null;
			if (anchor == null || !anchor.involves(me.id(), peer)) {
				throw DomainException.invalidField("before", "is not a message of this conversation");
			}
			ObjectId anchorId = new ObjectId(anchor.id());
			criteria = new Criteria().andOperator(conversation, new Criteria().orOperator(
					Criteria.where("createdAt").lt(anchor.createdAt()),
					Criteria.where("createdAt").is(anchor.createdAt()).and("_id").lt(anchorId)));
		}
		Query query = Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "createdAt", "_id")).limit(size);
		return mongo.find(query, Message.class).stream().map(MessageView::of).toList();
	}

	/** Every message the user sent or received, oldest first (the data export). */
	public List<MessageView> allOf(String userId) {
		Query query = Query.query(new Criteria().orOperator(Criteria.where("senderId").is(userId),
				Criteria.where("receiverId").is(userId))).with(Sort.by("createdAt", "_id"));
		return mongo.find(query, Message.class).stream().map(MessageView::of).toList();
	}

	/** One entry per person the user has exchanged messages with, most recent conversation first. */
	public List<Conversation> conversations(CurrentUser me) {
		String self = me.id();
		Document otherParty = new Document("$cond", List.of(new Document("$eq", List.of("$senderId", self)),
				"$receiverId", "$senderId"));
		Document unreadForMe = new Document("$cond", List.of(new Document("$and", List.of(
				new Document("$eq", List.of("$receiverId", self)), new Document("$eq", List.of("$read", false)))), 1, 0));
		List<Document> pipeline = List.of(
				new Document("$match", new Document("$or", List.of(new Document("senderId", self),
						new Document("receiverId", self)))),
				new Document("$sort", new Document("createdAt", -1).append("_id", -1)),
				new Document("$group", new Document("_id", otherParty).append("last", new Document("$first", "$$ROOT"))
					.append("unread", new Document("$sum", unreadForMe))),
				new Document("$sort", new Document("last.createdAt", -1).append("last._id", -1)),
				new Document("$limit", 500));
		List<Conversation> conversations = new ArrayList<>();
		for (Document group : mongo.getCollection(COLLECTION).aggregate(pipeline)) {
			Message last = mongo.getConverter().read(Message.class, group.get("last", Document.class));
			People.Person peer = people.get(group.getString("_id"), People.counterpartRole(me.role()));
			conversations.add(new Conversation(peer, MessageView.of(last), ((Number) group.get("unread")).longValue()));
		}
		return conversations;
	}

	/** Marks everything the peer sent me as read and tells the peer's open sessions. */
	public ReadReceipt markRead(CurrentUser me, String peer) {
		requireConnected(me, peer);
		Instant now = now();
		long updated = mongo.updateMulti(
				Query.query(Criteria.where("senderId").is(peer).and("receiverId").is(me.id()).and("read").is(false)),
				new Update().set("read", true).set("readAt", now), Message.class).getModifiedCount();
		ReadReceipt receipt = new ReadReceipt(me.id(), now, updated);
		if (updated > 0) {
			sessions.toUser(peer, "/queue/messages-read", new ReadNotice(me.id(), now));
		}
		return receipt;
	}

	public boolean mayChat(CurrentUser me, String peer) {
		return peer != null && connections.areConnected(me.id(), peer);
	}

	private void requireConnected(CurrentUser me, String peer) {
		if (!mayChat(me, peer)) {
			throw DomainException.notFound("No such user to chat with: only a doctor or patient you have an "
					+ "appointment with");
		}
	}

	/** MongoDB keeps milliseconds: what a client is told must equal what the history shows. */
	private Instant now() {
		return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
	}

	private static Criteria conversation(String a, String b) {
		return new Criteria().orOperator(Criteria.where("senderId").is(a).and("receiverId").is(b),
				Criteria.where("senderId").is(b).and("receiverId").is(a));
	}

	public record Conversation(People.Person user, MessageView lastMessage, long unreadCount) {
	}

	/** What {@code POST /{userId}/read} answers: who read, when, and how many messages it marked. */
	public record ReadReceipt(String readerId, Instant readAt, long updated) {
	}

	/** What the sender's sessions get on {@code /user/queue/messages-read}. */
	public record ReadNotice(String readerId, Instant readAt) {
	}
}
