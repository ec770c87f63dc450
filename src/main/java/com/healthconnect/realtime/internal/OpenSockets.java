package com.healthconnect.realtime.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

import com.healthconnect.auth.SessionAuthentication;
import com.healthconnect.auth.SessionsEnded;
import com.healthconnect.auth.SignedOut;

/**
 * The open sockets and the session token each was opened with. A socket lives no longer than its token: signing out
 * ({@link SignedOut}) closes the sockets opened with that token, and a periodic sweep closes those whose token expired.
 */
@Component
class OpenSockets implements DisposableBean {

	static final CloseStatus SIGNED_OUT = new CloseStatus(4001, "Signed out");
	static final CloseStatus EXPIRED = new CloseStatus(4002, "Session expired");

	private static final Logger log = LoggerFactory.getLogger(OpenSockets.class);

	private final ConcurrentHashMap<String, Open> sockets = new ConcurrentHashMap<>();
	private final Clock clock;
	private final ScheduledExecutorService sweeper;

	OpenSockets(Clock clock, RealtimeProperties properties) {
		this.clock = clock;
		this.sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "ws-expiry-sweep");
			thread.setDaemon(true);
			return thread;
		});
		long every = Math.max(1, properties.expiryCheckInterval().toMillis());
		sweeper.scheduleWithFixedDelay(this::closeExpired, every, every, TimeUnit.MILLISECONDS);
	}

	void opened(WebSocketSession session) {
		if (session.getPrincipal() instanceof SessionAuthentication auth) {
			sockets.put(session.getId(), new Open(session, auth.tokenId(), auth.expiresAt()));
		}
	}

	void closed(WebSocketSession session) {
		sockets.remove(session.getId());
	}

	int count() {
		return sockets.size();
	}

	@EventListener
	void signedOut(SignedOut event) {
		sockets.values().stream()
			.filter(open -> open.tokenId().equals(event.tokenId()))
			.forEach(open -> close(open, SIGNED_OUT));
	}

	/** Every session of the user ended (password reset or change, account disabled or deleted). */
	@EventListener
	void sessionsEnded(SessionsEnded event) {
		sockets.values().stream()
			.filter(open -> open.session().getPrincipal() instanceof SessionAuthentication auth
					&& auth.getPrincipal().id().equals(event.userId()) && !open.tokenId().equals(event.keptTokenId()))
			.forEach(open -> close(open, SIGNED_OUT));
	}

	void closeExpired() {
		Instant now = clock.instant();
		sockets.values().stream().filter(open -> !open.expiresAt().isAfter(now)).forEach(open -> close(open, EXPIRED));
	}

	private void close(Open open, CloseStatus status) {
		sockets.remove(open.session().getId());
		try {
			open.session().close(status);
		}
		catch (IOException | RuntimeException ex) {
			log.debug("Closing socket {} failed: {}", open.session().getId(), ex.toString());
		}
	}

	@Override
	public void destroy() {
		sweeper.shutdownNow();
	}

	private record Open(WebSocketSession session, String tokenId, Instant expiresAt) {
	}
}
