/**
 * The STOMP-over-WebSocket plumbing every realtime feature shares: the authenticated {@code /ws} endpoint, per-frame
 * authorisation and limits, reaching a user's sessions ({@link com.healthconnect.realtime.UserSessions}), the cached
 * "who is connected to whom" ({@link com.healthconnect.realtime.ConnectedPeers}), blocking work off the socket
 * threads ({@link com.healthconnect.realtime.BlockingWork}) and appointment pushes. Signaling lives in {@code call},
 * chat in {@code messaging}.
 */
package com.healthconnect.realtime;
