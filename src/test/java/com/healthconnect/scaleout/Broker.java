package com.healthconnect.scaleout;

import java.util.List;

/** The STOMP broker the instances of a cross-instance test share. */
public interface Broker extends AutoCloseable {

	String host();

	int port();

	void start() throws Exception;

	void stop() throws Exception;

	/** Names of the broker's queues bound to user destinations ({@code u.<userId>.<queue>}). */
	List<String> userQueues() throws Exception;

	@Override
	default void close() throws Exception {
		stop();
	}
}
