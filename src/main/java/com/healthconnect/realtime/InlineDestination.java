package com.healthconnect.realtime;

import com.healthconnect.auth.CurrentUser;

/**
 * A client SEND destination handled as soon as the frame has been authorised, on the thread that delivered it, instead
 * of by an {@code @MessageMapping} method: for hot, pass-through relays such as ICE candidates, where the inbound
 * executor hop, handler-method argument resolution and record binding cost more than the relay itself.
 * <p>
 * Everything the gatekeeper checks still applies first: the frame came from the socket's signed-in user, after
 * CONNECT, within the session's rate and frame-size limits, to a contract destination. Frames of one session reach
 * {@link #handle} one at a time and in the order they were sent, after every earlier frame of the session was handled
 * (each is handled on the thread that read it). A plain frame reaches it straight from the socket, without Spring's
 * STOMP decoder. A {@link com.healthconnect.platform.DomainException} thrown here goes back to the sending session
 * on {@code /user/queue/errors}, as it would from a {@code @MessageMapping} method. Implementations must not block on
 * I/O beyond a cached lookup.
 */
public interface InlineDestination {

	/** The exact destination handled, e.g. {@code /app/ice-candidate}. */
	String destination();

	/**
	 * Handles one SEND frame.
	 * @param from the socket's signed-in user
	 * @param sessionId the STOMP session that sent the frame
	 * @param payload the frame's body, as sent (UTF-8 JSON by the contract)
	 */
	void handle(CurrentUser from, String sessionId, byte[] payload);
}
