package com.healthconnect.realtime;

/**
 * The per-user chat allowance the STOMP endpoint enforces ({@code healthconnect.realtime.per-user.chat-*}), for chat
 * that arrives another way (the REST {@code POST /api/messages/{userId}}): both draw on one bucket per user, so REST
 * and STOMP together cannot send more than either alone.
 */
public interface ChatBudget {

	/** Counts one chat message of this user; throws a 429 with {@code Retry-After} when the budget is spent. */
	void take(String userId);
}
