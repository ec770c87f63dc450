package com.healthconnect.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** A TCP port on the loopback interface that nothing listens on at the moment of asking. */
public final class FreePorts {

	private FreePorts() {
	}

	/**
	 * Binds port 0 on 127.0.0.1 and gives the port back. Another process may take it before the caller binds it,
	 * which on a test machine is rare enough to accept; servers that can bind port 0 themselves should.
	 */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
