package com.healthconnect.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP/1.1 over one kept-alive socket, for closed-loop load: the least client-side work per request, so the figures
 * are the server's. Reads Content-Length and chunked bodies; reconnects when the server closes.
 */
final class RawHttp implements Closeable {

	record Reply(int status, String body) {
	}

	private final String host;
	private final int port;
	private Socket socket;
	private InputStream in;
	private OutputStream out;

	RawHttp(String host, int port) {
		this.host = host;
		this.port = port;
	}

	int get(String path) throws IOException {
		return request("GET", path, "", null, false).status();
	}

	/** {@code extraHeaders} is zero or more complete header lines, each ending in CRLF. */
	Reply request(String method, String path, String extraHeaders, String json, boolean keepBody) throws IOException {
		if (socket == null) {
			connect();
		}
		byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
		StringBuilder head = new StringBuilder(160).append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ")
			.append(host).append(':').append(port).append("\r\nAccept: application/json\r\n").append(extraHeaders);
		if (json != null) {
			head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
		}
		head.append("\r\n");
		try {
			out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
			out.write(body);
			out.flush();
			return read(keepBody);
		}
		catch (IOException ex) {
			close();
			throw ex;
		}
	}

	private Reply read(boolean keepBody) throws IOException {
		String status = line();
		int code = Integer.parseInt(status.substring(9, 12));
		long length = -1;
		boolean chunked = false;
		boolean closeAfter = false;
		for (String header = line(); !header.isEmpty(); header = line()) {
			String lower = header.toLowerCase(Locale.ROOT);
			if (lower.startsWith("content-length:")) {
				length = Long.parseLong(lower.substring(15).strip());
			}
			else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
				chunked = true;
			}
			else if (lower.startsWith("connection:") && lower.contains("close")) {
				closeAfter = true;
			}
		}
		ByteArrayOutputStream kept = keepBody ? new ByteArrayOutputStream() : null;
		if (chunked) {
			while (true) {
				long size = Long.parseLong(line().split(";", 2)[0].strip(), 16);
				if (size == 0) {
					while (!line().isEmpty()) {
						// trailers
					}
					break;
				}
				skip(size, kept);
				line();
			}
		}
		else if (length > 0) {
			skip(length, kept);
		}
		if (closeAfter) {
			close();
		}
		return new Reply(code, kept == null ? null : kept.toString(StandardCharsets.UTF_8));
	}

	private void skip(long n, ByteArrayOutputStream kept) throws IOException {
		byte[] buffer = new byte[8192];
		while (n > 0) {
			int r = in.read(buffer, 0, (int) Math.min(buffer.length, n));
			if (r < 0) {
				throw new EOFException();
			}
			if (kept != null) {
				kept.write(buffer, 0, r);
			}
			n -= r;
		}
	}

	private String line() throws IOException {
		StringBuilder line = new StringBuilder(64);
		int c;
		while ((c = in.read()) != '\n') {
			if (c < 0) {
				throw new EOFException("connection closed");
			}
			if (c != '\r') {
				line.append((char) c);
			}
		}
		return line.toString();
	}

	private void connect() throws IOException {
		socket = new Socket();
		socket.setTcpNoDelay(true);
		socket.connect(new InetSocketAddress(host, port), 10_000);
		in = new BufferedInputStream(socket.getInputStream(), 16384);
		out = socket.getOutputStream();
	}

	@Override
	public void close() {
		if (socket != null) {
			try {
				socket.close();
			}
			catch (IOException ignored) {
				// closing anyway
			}
			socket = null;
		}
	}
}
