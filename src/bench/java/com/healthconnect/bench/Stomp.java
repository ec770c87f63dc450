package com.healthconnect.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.healthconnect.bench.Api.Account;

/**
 * A lean STOMP 1.2 client on the JDK's {@link WebSocket}: enough of the protocol for a load client (CONNECT with the
 * CSRF header and heart-beats, SUBSCRIBE, SEND, MESSAGE/ERROR in), and cheap enough per session that one
 * process holds ten thousand of them. Sessions subscribe to the same queues as the bundled web UI does.
 */
final class Stomp {

	/** The queues the web UI subscribes to on every connect (frontend/src/realtime/realtimeClient.ts). */
	static final List<String> UI_QUEUES = List.of("call-made", "call-answered", "ice-candidate", "call-rejected",
			"call-ended", "call-failed", "call-answered-elsewhere", "typing", "messages", "messages-read",
			"appointments", "presence", "errors");

	interface Handler {

		/** Called on a WebSocket thread; {@code nanos} is {@link System#nanoTime()} when the frame was complete. */
		void onMessage(Session session, String destination, String body, long nanos);
	}

	/** Opens sessions; spreads them over a few JDK HTTP clients (each has one selector thread). */
	static final class Client implements AutoCloseable {

		private final URI uri;
		private final String origin;
		private final List<HttpClient> clients = new ArrayList<>();
		private final AtomicInteger next = new AtomicInteger();
		private final Set<Session> open = ConcurrentHashMap.newKeySet();
		private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread t = new Thread(r, "stomp-heartbeats");
			t.setDaemon(true);
			return t;
		});
		private final int heartbeatMs;
		final AtomicLong errorFrames = new AtomicLong();
		final AtomicLong errorMessages = new AtomicLong();
		final AtomicLong sendFailures = new AtomicLong();
		final AtomicLong unexpectedCloses = new AtomicLong();
		volatile String lastError;

		Client(String base, int httpClients, int heartbeatMs) {
			this.uri = URI.create(base.replaceFirst("^http", "ws") + "/ws");
			this.origin = base;
			this.heartbeatMs = heartbeatMs;
			for (int i = 0; i < httpClients; i++) {
				clients.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
					.connectTimeout(Duration.ofSeconds(30)).build());
			}
			if (heartbeatMs > 0) {
				heartbeats.scheduleAtFixedRate(() -> open.forEach(s -> s.send("\n")), heartbeatMs, heartbeatMs,
						TimeUnit.MILLISECONDS);
			}
		}

		/** Handshake with the account's cookies, CONNECT, SUBSCRIBE to the UI's queues; completes once those are sent. */
		CompletableFuture<Session> open(Account account, Handler handler) {
			Session session = new Session(this, account, handler);
			HttpClient http = clients.get(Math.floorMod(next.getAndIncrement(), clients.size()));
			http.newWebSocketBuilder().header("Cookie", account.cookie()).header("Origin", origin)
				.connectTimeout(Duration.ofSeconds(30)).buildAsync(uri, session)
				.whenComplete((ws, ex) -> {
					if (ex != null) {
						session.ready.completeExceptionally(ex);
					}
				});
			return session.ready;
		}

		/** Opens one session per account, at most {@code inFlight} handshakes at a time; failures are counted, not thrown. */
		List<Session> openAll(List<Account> accounts, Handler handler, int inFlight, AtomicInteger failures)
				throws InterruptedException {
			java.util.concurrent.Semaphore permits = new java.util.concurrent.Semaphore(inFlight);
			List<CompletableFuture<Session>> futures = new ArrayList<>();
			for (Account account : accounts) {
				permits.acquire();
				CompletableFuture<Session> f = open(account, handler).orTimeout(60, TimeUnit.SECONDS);
				f.whenComplete((s, ex) -> permits.release());
				futures.add(f);
			}
			List<Session> sessions = new ArrayList<>();
			for (CompletableFuture<Session> f : futures) {
				try {
					sessions.add(f.join());
				}
				catch (RuntimeException ex) {
					failures.incrementAndGet();
					lastError = String.valueOf(ex.getCause() != null ? ex.getCause() : ex);
				}
			}
			return sessions;
		}

		int openCount() {
			return open.size();
		}

		void closeAll(List<Session> sessions) {
			List<CompletableFuture<?>> closing = new ArrayList<>();
			for (Session s : sessions) {
				closing.add(s.close());
			}
			try {
				CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				sessions.forEach(Session::abort);
			}
		}

		@Override
		public void close() {
			heartbeats.shutdownNow();
			List<Session> all = new ArrayList<>(open);
			closeAll(all);
		}
	}

	static final class Session implements WebSocket.Listener {

		final Account account;
		private final Client client;
		private final Handler handler;
		final CompletableFuture<Session> ready = new CompletableFuture<>();
		private final StringBuilder partial = new StringBuilder();
		private volatile WebSocket ws;
		private CompletableFuture<WebSocket> tail;
		private volatile boolean closing;
		/** Any per-session data a scenario wants to keep. */
		volatile int tag;

		Session(Client client, Account account, Handler handler) {
			this.client = client;
			this.account = account;
			this.handler = handler;
		}

		@Override
		public void onOpen(WebSocket webSocket) {
			this.ws = webSocket;
			synchronized (this) {
				tail = CompletableFuture.completedFuture(webSocket);
			}
			webSocket.request(1);
			send("CONNECT\naccept-version:1.2\nhost:localhost\nheart-beat:" + client.heartbeatMs + ","
					+ client.heartbeatMs + "\nX-XSRF-TOKEN:" + account.xsrf() + "\n\n\0");
		}

		/** SENDs a JSON body to an application destination. */
		void sendJson(String destination, String json) {
			send("SEND\ndestination:" + destination + "\ncontent-type:application/json\n\n" + json + "\0");
		}

		/** Queues a text message behind the ones before it: the JDK WebSocket allows one outstanding send. */
		void send(String text) {
			WebSocket socket = ws;
			if (socket == null || closing) {
				return;
			}
			synchronized (this) {
				tail = tail.isDone() && !tail.isCompletedExceptionally() ? socket.sendText(text, true)
						: tail.thenCompose(w -> w.sendText(text, true));
				tail.whenComplete((w, ex) -> {
					if (ex != null && !closing) {
						client.sendFailures.incrementAndGet();
						client.lastError = "send: " + ex;
					}
				});
			}
		}

		boolean isOpen() {
			return client.open.contains(this);
		}

		CompletableFuture<?> close() {
			WebSocket socket = ws;
			if (socket == null) {
				return CompletableFuture.completedFuture(null);
			}
			send("DISCONNECT\n\n\0");
			CompletableFuture<WebSocket> closed;
			synchronized (this) {
				closing = true;
				closed = tail.exceptionally(ex -> socket).thenCompose(w -> w.sendClose(WebSocket.NORMAL_CLOSURE, "bye"));
			}
			client.open.remove(this);
			return closed.exceptionally(ex -> {
				socket.abort();
				return null;
			});
		}

		void abort() {
			closing = true;
			client.open.remove(this);
			WebSocket socket = ws;
			if (socket != null) {
				socket.abort();
			}
		}

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			long now = System.nanoTime();
			if (!last) {
				partial.append(data);
			}
			else if (partial.length() > 0) {
				partial.append(data);
				String text = partial.toString();
				partial.setLength(0);
				frames(text, now);
			}
			else {
				frames(data.toString(), now);
			}
			webSocket.request(1);
			return null;
		}

		private void frames(String text, long now) {
			int start = 0;
			while (start < text.length()) {
				int end = text.indexOf('\0', start);
				if (end < 0) {
					end = text.length();
				}
				frame(text, start, end, now);
				start = end + 1;
			}
		}

		private void frame(String text, int from, int to, long now) {
			while (from < to && (text.charAt(from) == '\n' || text.charAt(from) == '\r')) {
				from++; // heart-beats
			}
			if (from >= to) {
				return;
			}
			int eol = text.indexOf('\n', from);
			if (eol < 0 || eol > to) {
				return;
			}
			String command = text.substring(from, eol).strip();
			int headersEnd = text.indexOf("\n\n", eol);
			int bodyStart = headersEnd < 0 || headersEnd > to ? to : headersEnd + 2;
			String headers = text.substring(eol + 1, Math.max(eol + 1, Math.min(to, bodyStart)));
			String body = text.substring(bodyStart, to);
			switch (command) {
				case "MESSAGE" -> {
					String destination = header(headers, "destination");
					if (destination != null && destination.endsWith("/errors")) {
						client.errorMessages.incrementAndGet();
						client.lastError = "errors queue: " + body;
					}
					handler.onMessage(this, destination, body, now);
				}
				case "CONNECTED" -> {
					client.open.add(this);
					StringBuilder subscribe = new StringBuilder();
					for (int i = 0; i < UI_QUEUES.size(); i++) {
						subscribe.append("SUBSCRIBE\nid:sub-").append(i).append("\ndestination:/user/queue/")
							.append(UI_QUEUES.get(i)).append("\n\n\0");
					}
					// Spring's simple broker answers no RECEIPT for SUBSCRIBE; the frames are handled in order, and the
					// scenarios' warm-up proves delivery end to end before anything is measured
					send(subscribe.toString());
					CompletableFuture<WebSocket> sent;
					synchronized (this) {
						sent = tail;
					}
					sent.whenComplete((w, ex) -> {
						if (ex != null) {
							ready.completeExceptionally(ex);
						}
						else {
							ready.complete(this);
						}
					});
				}
				case "RECEIPT" -> ready.complete(this);
				case "ERROR" -> {
					if (closing) {
						return;
					}
					client.errorFrames.incrementAndGet();
					client.lastError = "ERROR frame: " + header(headers, "message") + " " + body;
					ready.completeExceptionally(new IllegalStateException(client.lastError));
				}
				default -> {
				}
			}
		}

		private static String header(String headers, String name) {
			for (String line : headers.split("\n")) {
				if (line.startsWith(name + ":")) {
					return line.substring(name.length() + 1);
				}
			}
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			if (!closing) {
				client.unexpectedCloses.incrementAndGet();
				client.lastError = "closed by server: " + statusCode + " " + reason;
			}
			client.open.remove(this);
			ready.completeExceptionally(new IllegalStateException("closed: " + statusCode + " " + reason));
			return null;
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {
			if (!closing) {
				client.unexpectedCloses.incrementAndGet();
				client.lastError = "socket error: " + error;
			}
			client.open.remove(this);
			ready.completeExceptionally(error);
		}
	}

	/** A {@code "name":123} number in a JSON text or a {@code name=123} in a chat text; -1 if absent. */
	static long number(String text, String key) {
		int i = text.indexOf(key);
		if (i < 0) {
			return -1;
		}
		i += key.length();
		long value = 0;
		boolean any = false;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				break;
			}
			value = value * 10 + (c - '0');
			any = true;
			i++;
		}
		return any ? value : -1;
	}

	private Stomp() {
	}
}
