package com.healthconnect.realtime;

/** Whether a user has an open STOMP session on any instance of the application. */
public interface OnlineUsers {

	boolean isOnline(String userId);
}
