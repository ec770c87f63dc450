package com.healthconnect.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.healthconnect.bench.Api.Account;

/**
 * A lean STOMP 1.2 client on {@link RawWebSocket}: enough of the protocol for a load client (CONNECT with the
 * CSRF header and heart-beats, SUBSCRIBE, SEND, MESSAGE/ERROR in), and cheap enough per session that one
 * process holds ten thousand of them. Sessions subscribe to the same queues as the bundled web UI does.
 */
final class Stomp {

	/** The queues the web UI subscribes to on every connect (frontend/src/realtime/realtimeClient.ts). */
	static final List<String> UI_QUEUES = List.of("call-made", "call-answered", "ice-candidate", "call-rejected",
			"call-ended", "call-failed", "call-answered-elsewhere", "call-interrupted", "call-rejoined", "typing",
			"messages", "messages-read", "appointments", "presence", "errors");

	interface Handler {

		/** Called on a WebSocket thread; {@code nanos} is {@link System#nanoTime()} when the frame was complete. */
		void onMessage(Session session, String destination, String body, long nanos);
	}

	/** Opens sessions; spreads them over a few selector threads. */
	static final class Client implements AutoCloseable {

		private final URI uri;
		private final String origin;
		private final List<RawWebSocket.Loop> loops = new ArrayList<>();
		private final AtomicInteger next = new AtomicInteger();
		private final Set<Session> open = ConcurrentHashMap.newKeySet();
		private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread t = new Thread(r, "stomp-heartbeats");
			t.setDaemon(true);
			return t;
		});
		private static final int HEARTBEAT_PHASES = 100;
		private final int heartbeatMs;
		/** Offer {@code permessage-deflate} in the handshake, as Chromium does. */
		private final boolean offerDeflate;
		/** Sessions whose handshake ended with compression on. */
		final AtomicLong deflatedSessions = new AtomicLong();
		final AtomicLong errorFrames = new AtomicLong();
		final AtomicLong errorMessages = new AtomicLong();
		final AtomicLong unexpectedCloses = new AtomicLong();
		volatile String lastError;

		Client(String base, int selectorThreads, int heartbeatMs, boolean offerDeflate) {
			this.offerDeflate = offerDeflate;
			this.uri = URI.create(base.replaceFirst("^http", "ws") + "/ws");
			this.origin = base;
			this.heartbeatMs = heartbeatMs;
			try {
				for (int i = 0; i < selectorThreads; i++) {
					loops.add(new RawWebSocket.Loop("stomp-selector-" + i));
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			if (heartbeatMs > 0) {
				// Each browser's heart-beat timer runs from its own connect time; one timer for all 10,000 sessions
				// would instead land 10,000 frames on the server in one burst every period. Sessions are spread over
				// phases a tick apart, like the browsers' timers.
				long tickMs = Math.max(1, heartbeatMs / HEARTBEAT_PHASES);
				AtomicLong ticks = new AtomicLong();
				heartbeats.scheduleAtFixedRate(() -> {
					int phase = (int) (ticks.getAndIncrement() % HEARTBEAT_PHASES);
					open.forEach(s -> {
						if (s.phase == phase) {
							s.send("\n");
						}
					});
				}, tickMs, tickMs, TimeUnit.MILLISECONDS);
			}
		}

		/** Handshake with the account's cookies, CONNECT, SUBSCRIBE to the UI's queues; completes once those are sent. */
		CompletableFuture<Session> open(Account account, Handler handler) {
			Session session = new Session(this, account, handler);
			RawWebSocket.Loop loop = loops.get(Math.floorMod(next.getAndIncrement(), loops.size()));
			try {
				RawWebSocket.open(loop, uri, "Cookie: " + account.cookie() + "\r\nOrigin: " + origin + "\r\n"
						+ (offerDeflate ? RawWebSocket.DEFLATE_OFFER : ""), session);
			}
			catch (IOException ex) {
				session.ready.completeExceptionally(ex);
			}
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
			for (RawWebSocket.Loop loop : loops) {
				try {
					loop.close();
				}
				catch (IOException ignored) {
					// the process ends anyway
				}
			}
		}
	}

	static final class Session implements RawWebSocket.Listener {

		final Account account;
		private final Client client;
		private final Handler handler;
		final CompletableFuture<Session> ready = new CompletableFuture<>();
		private volatile RawWebSocket ws;
		private volatile boolean closing;
		/** Which tick of the heart-beat period this session's heart-beat goes out on. */
		final int phase;
		/** Any per-session data a scenario wants to keep. */
		volatile int tag;
		/** {@link System#nanoTime()} when the server's CONNECTED frame arrived. */
		volatile long connectedNanos;

		Session(Client client, Account account, Handler handler) {
			this.client = client;
			this.account = account;
			this.handler = handler;
			this.phase = Math.floorMod(client.next.get(), Client.HEARTBEAT_PHASES);
		}

		@Override
		public void onOpen(RawWebSocket socket) {
			this.ws = socket;
			if (socket.deflating()) {
				client.deflatedSessions.incrementAndGet();
			}
			send("CONNECT\naccept-version:1.2\nhost:localhost\nheart-beat:" + client.heartbeatMs + ","
					+ client.heartbeatMs + "\nX-XSRF-TOKEN:" + account.xsrf() + "\n\n\0");
		}

		/** SENDs a JSON body to an application destination. */
		void sendJson(String destination, String json) {
			send("SEND\ndestination:" + destination + "\ncontent-type:application/json\n\n" + json + "\0");
		}

		/** Sends a text message now, or after the ones still queued before it. */
		void send(String text) {
			RawWebSocket socket = ws;
			if (socket != null && !closing) {
				socket.sendText(text);
			}
		}

		boolean isOpen() {
			return client.open.contains(this);
		}

		CompletableFuture<?> close() {
			RawWebSocket socket = ws;
			if (socket == null) {
				return CompletableFuture.completedFuture(null);
			}
			send("DISCONNECT\n\n\0");
			closing = true;
			client.open.remove(this);
			return socket.close();
		}

		void abort() {
			closing = true;
			client.open.remove(this);
			RawWebSocket socket = ws;
			if (socket != null) {
				socket.abort();
			}
		}

		@Override
		public void onText(RawWebSocket socket, String text, long nanos) {
			frames(text, nanos);
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
					connectedNanos = now;
					client.open.add(this);
					StringBuilder subscribe = new StringBuilder();
					for (int i = 0; i < UI_QUEUES.size(); i++) {
						subscribe.append("SUBSCRIBE\nid:sub-").append(i).append("\ndestination:/user/queue/")
							.append(UI_QUEUES.get(i)).append("\n\n\0");
					}
					// Spring's simple broker answers no RECEIPT for SUBSCRIBE; the frames are handled in order, and the
					// scenarios' warm-up proves delivery end to end before anything is measured
					send(subscribe.toString());
					ready.complete(this);
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
		public void onClosed(RawWebSocket socket, int code, String reason, Throwable error) {
			if (!closing) {
				client.unexpectedCloses.incrementAndGet();
				client.lastError = error != null ? "socket error: " + error : "closed by server: " + code + " " + reason;
			}
			client.open.remove(this);
			ready.completeExceptionally(error != null ? error : new IllegalStateException("closed: " + code + " " + reason));
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
