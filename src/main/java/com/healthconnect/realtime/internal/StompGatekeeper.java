package com.healthconnect.realtime.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Principal;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.stereotype.Component;

import com.healthconnect.auth.CurrentUser;
import com.healthconnect.auth.SessionAuthentication;
import com.healthconnect.realtime.SendBudget;
import com.healthconnect.realtime.StompError;
import com.healthconnect.realtime.UserDestinations;
import com.healthconnect.realtime.UserSessions;

/**
 * Authorises every client frame before anything handles it, on the socket's reading thread: CONNECT must carry the
 * CSRF header; clients SEND only to the {@code /app/...} destinations the modules declare ({@link ClientDestinations})
 * and SUBSCRIBE only to their own
 * {@code /user/queue/...}; a session that sends faster than its token bucket allows is refused. Chat and signaling
 * frames also draw on their user's buckets, over all the user's sessions ({@link UserRates}); a frame over those is
 * dropped with a 429 on the sender's {@code /user/queue/errors}, and the socket stays open. A refusal drops the
 * frame and sends an ERROR frame, after which Spring closes the socket; frames still arriving before the close are
 * dropped silently. (The ERROR goes out through the outbound channel because, with per-session receive order
 * preserved, an exception thrown here would only be logged.)
 * <p>
 * An authorised SUBSCRIBE to {@code /user/queue/<name>} continues as a subscription to the user's own broker
 * destination ({@link UserDestinations}); an accepted CONNECT counts the session in the {@link SessionDirectory}.
 */
@Component
class StompGatekeeper implements ChannelInterceptor {

	static final String CSRF_HEADER = "X-XSRF-TOKEN";
	private static final String CONNECTED = StompGatekeeper.class.getName() + ".connected";
	private static final String BUCKET = StompGatekeeper.class.getName() + ".bucket";
	private static final String REFUSED = StompGatekeeper.class.getName() + ".refused";
	private static final Logger log = LoggerFactory.getLogger(StompGatekeeper.class);

	private final RealtimeProperties.Rate rate;
	private final MessageChannel clientOutbound;
	private final ObjectProvider<UserSessions> sessions;
	private final UserRates userRates;
	private final SessionDirectory directory;
	private final ClientDestinations destinations;

	StompGatekeeper(RealtimeProperties properties, @Lazy @Qualifier("clientOutboundChannel") MessageChannel clientOutbound,
			ObjectProvider<UserSessions> sessions, UserRates userRates, SessionDirectory directory,
			ClientDestinations destinations) {
		this.destinations = destinations;
		this.rate = properties.rate();
		this.clientOutbound = clientOutbound;
		this.sessions = sessions;
		this.userRates = userRates;
		this.directory = directory;
	}

	@Override
	public Message<?> preSend(Message<?> message, MessageChannel channel) {
		StompHeaderAccessor stomp = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
		if (stomp == null || stomp.getCommand() == null) {
			return message; // heart-beats and server-side messages
		}
		Map<String, Object> session = stomp.getSessionAttributes();
		if (session != null && session.containsKey(REFUSED)) {
			return null;
		}
		try {
			authorise(message, stomp, session);
		}
		catch (StompRefused refused) {
			refuse(stomp, session, refused.getMessage());
			return null;
		}
		StompCommand command = stomp.getCommand();
		if (command == StompCommand.SEND && overUserRate(stomp.getDestination(), stomp.getUser(), stomp.getSessionId())) {
			return null; // handled: nothing further on the inbound channel
		}
		if (command == StompCommand.SUBSCRIBE) {
			return onUserDestination(message, stomp);
		}
		if (command == StompCommand.CONNECT || command == StompCommand.STOMP) {
			directory.opened(userOf(stomp.getUser()), stomp.getSessionId());
		}
		return message;
	}

	/** The subscription, made on the user's own broker destination instead of the {@code /user/queue/...} sent. */
	private static Message<?> onUserDestination(Message<?> message, StompHeaderAccessor stomp) {
		StompHeaderAccessor subscription = StompHeaderAccessor.wrap(message);
		subscription.setDestination(UserDestinations.subscription(userOf(stomp.getUser()).id(), stomp.getDestination()));
		return MessageBuilder.createMessage(message.getPayload(), subscription.getMessageHeaders());
	}

	private static CurrentUser userOf(Principal principal) {
		return ((SessionAuthentication) principal).getPrincipal();
	}

	/**
	 * Whether an authorised SEND is over its user's chat or signaling rate, over all their sessions; if so the frame is
	 * dropped and the sender gets a 429 on {@code /user/queue/errors}, and the socket stays open (the other tabs of
	 * the user did nothing wrong, and a closed tab would reconnect and send again).
	 */
	private boolean overUserRate(String destination, Principal principal, String sessionId) {
		Optional<SendBudget.Kind> budget = destinations.budget(destination);
		if (budget.isEmpty()) {
			return false;
		}
		CurrentUser user = userOf(principal);
		String refusal = userRates.refusal(user.id(), budget.get());
		if (refusal == null) {
			return false;
		}
		sessions.getObject().error(user.id(), sessionId,
				new StompError(429, "Too many requests", refusal, destination));
		return true;
	}

	private void refuse(StompHeaderAccessor stomp, Map<String, Object> session, String reason) {
		if (session != null) {
			session.put(REFUSED, Boolean.TRUE);
		}
		// what a client typed as a destination is not logged: it may hold line breaks that would forge a log line, or
		// an e-mail address
		String destination = stomp.getDestination() == null ? "" : shown(stomp.getDestination());
		String logged = !destination.isEmpty() && reason.endsWith(destination)
				? reason.substring(0, reason.length() - destination.length()) + "(destination not logged)" : reason;
		log.info("Refused {} frame from session {}: {}", stomp.getCommand(), stomp.getSessionId(), logged);
		StompHeaderAccessor error = StompHeaderAccessor.create(StompCommand.ERROR);
		error.setMessage(reason);
		error.setSessionId(stomp.getSessionId());
		clientOutbound.send(MessageBuilder.createMessage(new byte[0], error.getMessageHeaders()));
	}

	private void authorise(Message<?> message, StompHeaderAccessor stomp, Map<String, Object> session) {
		StompCommand command = stomp.getCommand();
		String refusal = refusal(command, stomp.getDestination(), session, stomp.getUser());
		if (refusal != null) {
			throw new StompRefused(message, refusal);
		}
		if (command == StompCommand.CONNECT || command == StompCommand.STOMP) {
			checkCsrf(message, stomp, session);
			session.put(CONNECTED, Boolean.TRUE);
		}
	}

	/**
	 * Why this session may not send this frame now ({@code null} if it may): signed in, within its rate, connected
	 * first, to an allowed destination. Counts the frame against the rate. CONNECT's CSRF check is separate.
	 */
	private String refusal(StompCommand command, String destination, Map<String, Object> session, Principal user) {
		if (session == null || !(user instanceof SessionAuthentication)) {
			return "Not signed in";
		}
		if (command != StompCommand.DISCONNECT) {
			TokenBucket bucket = (TokenBucket) session.computeIfAbsent(BUCKET,
					key -> new TokenBucket(rate.burst(), rate.perSecond(), System.nanoTime()));
			if (!bucket.tryTake(System.nanoTime())) {
				return "Too many frames: at most " + rate.perSecond() + " a second (bursts of " + rate.burst()
						+ ") per connection";
			}
		}
		switch (command) {
			case CONNECT, STOMP, DISCONNECT -> {
				return null;
			}
			case SUBSCRIBE, SEND, UNSUBSCRIBE, ACK, NACK -> {
			}
			default -> {
				return command + " is not supported";
			}
		}
		if (!Boolean.TRUE.equals(session.get(CONNECTED))) {
			return "Send CONNECT first";
		}
		if (command == StompCommand.SUBSCRIBE
				&& UserDestinations.subscription(userOf(user).id(), destination) == null) {
			return "You may subscribe only to your own /user/queue/... destinations, not " + shown(destination);
		}
		if (command == StompCommand.SEND && !destinations.allows(destination)) {
			return "You may not send to " + shown(destination);
		}
		return null;
	}

	/** A destination as the ERROR frame repeats it: printable ASCII only, at most 100 characters. */
	static String shown(String destination) {
		if (destination == null) {
			return "null";
		}
		StringBuilder shown = new StringBuilder(Math.min(destination.length(), 101));
		for (int i = 0; i < destination.length() && shown.length() < 100; i++) {
			char c = destination.charAt(i);
			shown.append(c >= 0x20 && c < 0x7f ? c : '?');
		}
		return destination.length() > 100 ? shown.append('~').toString() : shown.toString();
	}

	private static void checkCsrf(Message<?> message, StompHeaderAccessor stomp, Map<String, Object> session) {
		String expected = (String) session.get(HandshakeGuard.CSRF_TOKEN);
		String sent = stomp.getFirstNativeHeader(CSRF_HEADER);
		if (expected == null) {
			throw new StompRefused(message, "No XSRF-TOKEN cookie came with the handshake; get one from "
					+ "GET /api/auth/csrf and reconnect");
		}
		if (sent == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
				sent.getBytes(StandardCharsets.UTF_8))) {
			throw new StompRefused(message, "CONNECT needs the " + CSRF_HEADER
					+ " header with the value of the XSRF-TOKEN cookie");
		}
	}
}
