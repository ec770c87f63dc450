package com.healthconnect.realtime;

import java.util.regex.Pattern;

/**
 * Where a user's queue lives on the broker. A client subscribes to {@code /user/queue/<name>}; the subscription is
 * made on {@code /topic/u.<userId>.<name>} instead, a destination of that user alone, so that a push to the user is
 * one publish that reaches each of their sessions on every instance exactly once, in the order published. (Spring's
 * own user destinations name a queue per session and need every instance to know every other instance's sessions;
 * that registry lags behind reconnects and, on RabbitMQ, leaves durable queues of ended sessions behind.) A topic
 * subscription lives as long as its session: RabbitMQ and Artemis delete its queue when the session ends.
 * <p>
 * Pushes for one session or for all but one carry {@link #ONLY_SESSION} or {@link #EXCEPT_SESSION}; the broker passes
 * such headers on, and the instance holding each session drops what is not for it before it reaches the client.
 */
public final class UserDestinations {

	/** The broker prefix of every user's queues. */
	public static final String BROKER_PREFIX = "/topic";
	/** Native header: deliver only to this session. */
	public static final String ONLY_SESSION = "hc-only-session";
	/** Native header: deliver to every session but this one. */
	public static final String EXCEPT_SESSION = "hc-except-session";

	private static final String USER_QUEUE = "/user/queue/";
	private static final Pattern QUEUE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
	private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private UserDestinations() {
	}

	/**
	 * The broker destination for a user's queue given as {@code /queue/<name>}; names and ids are letters, digits and
	 * dashes, so they cannot reach another user's destination or a broker wildcard.
	 */
	public static String brokerDestination(String userId, String queue) {
		String destination = queue.startsWith("/queue/") ? of(userId, queue.substring("/queue/".length())) : null;
		if (destination == null) {
			throw new IllegalArgumentException("Not a valid user queue: " + queue);
		}
		return destination;
	}

	/**
	 * The broker destination a client's {@code /user/queue/<name>} subscription is made on, or {@code null} when the
	 * destination is not a user queue with a valid name.
	 */
	public static String subscription(String userId, String clientDestination) {
		if (clientDestination == null || !clientDestination.startsWith(USER_QUEUE)) {
			return null;
		}
		return of(userId, clientDestination.substring(USER_QUEUE.length()));
	}

	/** {@code /topic/u.<userId>.<name>}, or {@code null} when the id or the name is not one. */
	private static String of(String userId, String name) {
		if (!QUEUE_NAME.matcher(name).matches() || userId == null || !USER_ID.matcher(userId).matches()) {
			return null;
		}
		return BROKER_PREFIX + "/u." + userId + "." + name;
	}
}
