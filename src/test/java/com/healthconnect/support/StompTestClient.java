package com.healthconnect.support;

import java.lang.reflect.Type;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.converter.AbstractMessageConverter;
import org.springframework.messaging.converter.CompositeMessageConverter;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

import tools.jackson.databind.JsonNode;

/**
 * A browser tab's realtime connection for full-stack tests: Spring's {@link WebSocketStompClient} on a plain WebSocket,
 * the user's real {@code token} and {@code XSRF-TOKEN} cookies in the handshake and {@code X-XSRF-TOKEN} in CONNECT.
 * Everything received is queued per destination; ERROR frames and transport failures are kept too.
 */
public class StompTestClient implements AutoCloseable {

	public static final Duration WAIT = Duration.ofSeconds(10);

	private final StompSession session;
	private final Handler handler;
	private final String userId;

	private StompTestClient(StompSession session, Handler handler, String userId) {
		this.session = session;
		this.handler = handler;
		this.userId = userId;
	}

	/** Connects as the user and subscribes to the given {@code /user/queue/...} destinations, ready to receive. */
	public static StompTestClient connect(int port, ApiClient user, String... queues) {
		StompTestClient client = open(port, handshakeOf(user), connectOf(user), user.userId());
		for (String queue : queues) {
			client.subscribe(queue);
		}
		client.awaitReady();
		return client;
	}

	/** A connection attempt as the signed-in user (cookies and CSRF header as a browser sends them). */
	public static Attempt attempt(int port, ApiClient user) {
		return attempt(port, handshakeOf(user), connectOf(user), user.userId());
	}

	/** The handshake headers a browser of the signed-in user sends: session and CSRF cookies (a new copy each call). */
	public static WebSocketHttpHeaders handshakeOf(ApiClient user) {
		WebSocketHttpHeaders handshake = new WebSocketHttpHeaders();
		handshake.add("Cookie", "token=" + user.sessionToken() + "; XSRF-TOKEN=" + user.csrf());
		return handshake;
	}

	/** The CONNECT headers a browser of the signed-in user sends: the CSRF header (a new copy each call). */
	public static StompHeaders connectOf(ApiClient user) {
		StompHeaders connect = new StompHeaders();
		connect.add("X-XSRF-TOKEN", user.csrf());
		return connect;
	}

	/** Connects with exactly these headers; fails if the server refuses. */
	public static StompTestClient open(int port, WebSocketHttpHeaders handshake, StompHeaders connect, String userId) {
		Attempt attempt = attempt(port, handshake, connect, userId);
		if (attempt.client() == null) {
			throw new IllegalStateException("STOMP connect refused: " + attempt.failure(), attempt.failure());
		}
		return attempt.client();
	}

	/** A connection attempt that may be refused: either a client, or the failure and any ERROR frames received. */
	public record Attempt(StompTestClient client, Throwable failure, BlockingQueue<String> errorFrames) {
	}

	public static Attempt attempt(int port, WebSocketHttpHeaders handshake, StompHeaders connect, String userId) {
		WebSocketStompClient stomp = new WebSocketStompClient(new StandardWebSocketClient());
		stomp.setMessageConverter(new CompositeMessageConverter(List.of(new RawText(), new JacksonJsonMessageConverter())));
		stomp.setInboundMessageSizeLimit(256 * 1024);
		Handler handler = new Handler();
		try {
			StompSession session = stomp
				.connectAsync(URI.create("ws://localhost:" + port + "/ws"), handshake, connect, handler)
				.get(WAIT.toSeconds(), TimeUnit.SECONDS);
			return new Attempt(new StompTestClient(session, handler, userId), null, handler.errorFrames);
		}
		catch (java.util.concurrent.ExecutionException ex) {
			return new Attempt(null, ex.getCause(), handler.errorFrames);
		}
		catch (Exception ex) {
			return new Attempt(null, ex, handler.errorFrames);
		}
	}

	public StompTestClient subscribe(String destination) {
		session.subscribe(destination, handler.frames(destination));
		return this;
	}

	public void send(String destination, Object payload) {
		session.send(destination, payload);
	}

	/** A send with these headers (a receipt, say), the payload as JSON. */
	public void send(StompHeaders headers, Object payload) {
		session.send(headers, payload);
	}

	public void sendRaw(String destination, String json) {
		StompHeaders headers = new StompHeaders();
		headers.setDestination(destination);
		headers.setContentType(org.springframework.util.MimeTypeUtils.APPLICATION_JSON);
		session.send(headers, json.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Waits until the server has processed everything sent so far on this connection (frames of one session are
	 * handled in order) and the subscriptions are in place: sends a typing signal to oneself, which always comes back
	 * as an error. Through a broker relay a subscription is made on the broker asynchronously, so a probe answered
	 * before it is in place is lost: the probe is repeated until one comes back, and the late answers to earlier
	 * probes are then taken out of the queue.
	 */
	public void awaitReady() {
		boolean hadErrors = handler.queues.containsKey("/user/queue/errors");
		if (!hadErrors) {
			subscribe("/user/queue/errors");
		}
		long deadline = System.nanoTime() + WAIT.toNanos();
		int probes = 0;
		JsonNode error = null;
		while (error == null && System.nanoTime() < deadline) {
			send("/app/typing", Map.of("to", userId));
			probes++;
			error = poll("/user/queue/errors", Duration.ofSeconds(1));
		}
		if (error == null) {
			throw new AssertionError("nothing arrived on /user/queue/errors within " + WAIT);
		}
		if (!"/app/typing".equals(error.get("destination").asString())) {
			throw new IllegalStateException("unexpected error while waiting: " + error);
		}
		if (probes > 1) {
			try {
				Thread.sleep(1500);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			queue("/user/queue/errors").removeIf(payload -> payload.contains("\"destination\":\"/app/typing\""));
		}
	}

	private JsonNode poll(String destination, Duration wait) {
		try {
			String payload = queue(destination).poll(wait.toMillis(), TimeUnit.MILLISECONDS);
			return payload == null ? null : ApiClient.JSON.readTree(payload);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The next payload on a destination, waiting up to {@link #WAIT}. */
	public JsonNode next(String destination) {
		JsonNode payload = poll(destination, WAIT);
		if (payload == null) {
			throw new AssertionError("nothing arrived on " + destination + " within " + WAIT);
		}
		return payload;
	}

	/** Whatever has arrived on a destination so far, without waiting. */
	public List<String> received(String destination) {
		return List.copyOf(queue(destination));
	}

	public BlockingQueue<String> queue(String destination) {
		return handler.queues.computeIfAbsent(destination, d -> new LinkedBlockingQueue<>());
	}

	/** Runs on the receiving thread for each payload on the destination, before it is queued. */
	public void onReceive(String destination, java.util.function.Consumer<String> hook) {
		handler.hooks.put(destination, hook);
	}

	public BlockingQueue<String> errorFrames() {
		return handler.errorFrames;
	}

	public boolean isConnected() {
		return session.isConnected();
	}

	public String sessionId() {
		return session.getSessionId();
	}

	@Override
	public void close() {
		if (session.isConnected()) {
			session.disconnect();
		}
	}

	/** Received payloads as text, whatever their content type: tests parse the JSON themselves. */
	static class RawText extends AbstractMessageConverter {

		RawText() {
			super(List.of());
		}

		@Override
		protected boolean supports(Class<?> clazz) {
			return String.class == clazz || byte[].class == clazz;
		}

		@Override
		protected boolean canConvertTo(Object payload, MessageHeaders headers) {
			return payload instanceof byte[];
		}

		@Override
		protected Object convertToInternal(Object payload, MessageHeaders headers, Object conversionHint) {
			return payload;
		}

		@Override
		protected Object convertFromInternal(Message<?> message, Class<?> targetClass, Object conversionHint) {
			Object payload = message.getPayload();
			return payload instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : payload.toString();
		}
	}

	static class Handler extends StompSessionHandlerAdapter {

		final Map<String, BlockingQueue<String>> queues = new ConcurrentHashMap<>();
		final BlockingQueue<String> errorFrames = new LinkedBlockingQueue<>();
		final Map<String, java.util.function.Consumer<String>> hooks = new ConcurrentHashMap<>();

		StompFrameHandler frames(String destination) {
			BlockingQueue<String> queue = queues.computeIfAbsent(destination, d -> new LinkedBlockingQueue<>());
			return new StompFrameHandler() {
				@Override
				public Type getPayloadType(StompHeaders headers) {
					return String.class;
				}

				@Override
				public void handleFrame(StompHeaders headers, Object payload) {
					java.util.function.Consumer<String> hook = hooks.get(destination);
					if (hook != null) {
						hook.accept((String) payload);
					}
					queue.add((String) payload);
				}
			};
		}

		@Override
		public Type getPayloadType(StompHeaders headers) {
			return String.class;
		}

		@Override
		public void handleFrame(StompHeaders headers, Object payload) {
			// ERROR frames arrive here
			errorFrames.add(headers.getFirst("message") + (payload == null ? "" : " " + payload));
		}

		@Override
		public void handleException(StompSession session, StompCommand command, StompHeaders headers, byte[] payload,
				Throwable exception) {
			errorFrames.add("exception: " + exception);
		}
	}
}
