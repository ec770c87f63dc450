/**
 * The STOMP-over-WebSocket plumbing every realtime feature shares: the authenticated {@code /ws} endpoint, per-frame
 * authorisation and limits, reaching a user's sessions on any instance ({@link com.healthconnect.realtime.UserSessions}
 * over {@link com.healthconnect.realtime.UserDestinations}), who is online anywhere
 * ({@link com.healthconnect.realtime.OnlineUsers}), the cached "who is connected to whom"
 * ({@link com.healthconnect.realtime.ConnectedPeers}) and appointment pushes. The broker is Spring's simple broker or,
 * for several instances, Spring's STOMP relay to RabbitMQ or Artemis. Signaling lives in {@code call}, chat in
 * {@code messaging}.
 */
package com.healthconnect.realtime;
