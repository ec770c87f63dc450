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
 * @param connectionCacheTtl how long "are these two connected?" answers are trusted without an appointment event
 * @param expiryCheckInterval how often sockets whose session token expired are looked for and closed
 * @param blocking where blocking work runs
 */
@ConfigurationProperties("healthconnect.realtime")
public record RealtimeProperties(@DefaultValue("64KB") DataSize maxFrameSize,
		@DefaultValue(SocketBuffers.DEFAULT_SIZE) DataSize socketBufferSize, @DefaultValue("10s") Duration sendTimeLimit,
		@DefaultValue("512KB") DataSize sendBufferSize, @DefaultValue("25s") Duration heartbeat,
		@DefaultValue Rate rate, @DefaultValue("5m") Duration connectionCacheTtl,
		@DefaultValue("15s") Duration expiryCheckInterval, @DefaultValue Blocking blocking) {

	public record Rate(@DefaultValue("100") int burst, @DefaultValue("50") int perSecond) {
	}

	/**
	 * @param virtualThreads use virtual threads when the JVM has them
	 * @param threads the platform pool's size when it does not
	 * @param maxInFlight tasks running or waiting at most; more are refused with a "busy" error
	 */
	public record Blocking(@DefaultValue("true") boolean virtualThreads, @DefaultValue("16") int threads,
			@DefaultValue("10000") int maxInFlight) {
	}
}
