package com.healthconnect.realtime.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the {@code /ws} endpoint.
 *
 * @param maxFrameSize largest STOMP frame a client may send; bigger ones get an ERROR frame and the socket closes
 * @param socketBufferSize each buffer an open socket holds (Tomcat's NIO read and write buffers, the WebSocket frame,
 * message, output and encoder buffers); longer messages arrive in parts and are reassembled up to {@code maxFrameSize}
 * and go out in fragments, so this stays small for many idle sockets (see {@link SocketBuffers})
 * @param sendTimeLimit how long one send to a slow client may take before that client is disconnected
 * @param sendBufferSize how much may queue up for one slow client before it is disconnected
 * @param heartbeat the STOMP heart-beat the server offers and expects
 * @param rate per-session token bucket: {@code burst} frames at once, refilled at {@code perSecond}
 * @param blocking the threads that handle client frames (they may block on MongoDB)
 * @param perUser limits over all of one user's sessions together
 * @param broker {@code simple} (Spring's in-memory broker: one instance) or {@code relay} (Spring's STOMP broker relay
 * to RabbitMQ or Artemis: any number of instances)
 * @param relay where the relay's broker is
 * @param instanceHeartbeat how often this instance tells the others it is alive (see {@code SessionDirectory})
 * @param instanceTimeout after how long without a heartbeat an instance is taken for dead and its sessions ended
 * @param compression accept a browser's {@code permessage-deflate} offer on {@code /ws}; off by default: signaling
 * frames are a few hundred bytes, and inflating and deflating every relayed frame cost more latency and CPU than the
 * bytes it saves (figures in docs/PERFORMANCE.md)
 */
@ConfigurationProperties("healthconnect.realtime")
public record RealtimeProperties(@DefaultValue("64KB") DataSize maxFrameSize,
		@DefaultValue(SocketBuffers.DEFAULT_SIZE) DataSize socketBufferSize, @DefaultValue("10s") Duration sendTimeLimit,
		@DefaultValue("512KB") DataSize sendBufferSize, @DefaultValue("25s") Duration heartbeat,
		@DefaultValue Rate rate,
		@DefaultValue Blocking blocking,
		@DefaultValue PerUser perUser, @DefaultValue("simple") Broker broker, @DefaultValue Relay relay,
		@DefaultValue("5s") Duration instanceHeartbeat, @DefaultValue("20s") Duration instanceTimeout,
		@DefaultValue("false") boolean compression) {

	public enum Broker { SIMPLE, RELAY }

	/**
	 * The relay's broker: a STOMP port (RabbitMQ's {@code rabbitmq_stomp} plugin, or an Artemis STOMP acceptor with
	 * {@code multicastPrefix=/topic/}).
	 */
	public record Relay(@DefaultValue("localhost") String host, @DefaultValue("61613") int port,
			@DefaultValue("guest") String login, @DefaultValue("guest") String passcode, String virtualHost) {
	}

	public record Rate(@DefaultValue("100") int burst, @DefaultValue("50") int perSecond) {
	}

	/**
	 * @param virtualThreads use virtual threads when the JVM has them (21+)
	 * @param threads the platform pool's size when it does not
	 * @param maxInFlight frames handled or waiting at most; past it the socket's reader waits
	 */
	public record Blocking(@DefaultValue("true") boolean virtualThreads, @DefaultValue("16") int threads,
			@DefaultValue("10000") int maxInFlight) {
	}

	/**
	 * Limits per user, over all their sessions together, so that many connections do not multiply the per-session
	 * rate. A user's session beyond {@code maxSessions} is refused (the open ones are kept: a browser that reconnects
	 * every tab would otherwise close tabs in turn for ever). SEND frames to chat ({@code /app/chat.send},
	 * {@code /app/typing}) and to signaling ({@code /app/call-user}, {@code answer-call}, {@code ice-candidate},
	 * {@code reject-call}, {@code end-call}) each draw on a token bucket of the user's; a frame over it is dropped
	 * with a 429 on the sender's {@code /user/queue/errors}, and the socket stays open.
	 *
	 * @param maxSessions open STOMP sessions one user may hold at once
	 * @param chatBurst chat frames one user may send at once
	 * @param chatPerSecond chat frames one user may send a second, sustained
	 * @param signalingBurst signaling frames one user may send at once
	 * @param signalingPerSecond signaling frames one user may send a second, sustained
	 */
	public record PerUser(@DefaultValue("10") int maxSessions, @DefaultValue("20") int chatBurst,
			@DefaultValue("10") int chatPerSecond, @DefaultValue("200") int signalingBurst,
			@DefaultValue("100") int signalingPerSecond) {
	}
}
