/**
 * The STOMP-over-WebSocket plumbing every realtime feature shares: the authenticated {@code /ws} endpoint, per-frame
 * authorisation and limits, reaching a user's sessions on any instance ({@link com.healthconnect.realtime.UserSessions}
 * over {@link com.healthconnect.realtime.UserDestinations}), who is online anywhere
 * ({@link com.healthconnect.realtime.OnlineUsers}). Transport only: it depends on {@code auth} and {@code platform};
 * the destinations clients may send to are declared by the modules that handle them. The broker is Spring's simple
 * broker or, for several instances, Spring's STOMP relay to RabbitMQ or Artemis. Signaling lives in {@code call},
 * chat in {@code messaging}, appointment pushes and "who is connected to whom" in {@code appointment}.
 */
package com.healthconnect.realtime;
