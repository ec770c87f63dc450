package com.healthconnect.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Bytes on a socket, for requests an HTTP client library refuses to send (raw non-ASCII or encoded control characters
 * in the path, oversized headers, cut-short bodies). The connection is closed after one exchange.
 */
public final class RawHttp {

	private RawHttp() {
	}

	public record Reply(int status, Map<String, String> headers, String body) {

		public String contentType() {
			return headers.getOrDefault("content-type", "");
		}
	}

	/** Sends the request head (lines joined with CRLF, a blank line added) and then the body as they are. */
	public static Reply send(int port, String head, byte[] body) {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(head.getBytes(StandardCharsets.ISO_8859_1));
			out.write("\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
			out.write(body);
			out.flush();
			socket.shutdownOutput();
			return parse(readAll(socket.getInputStream()));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static Reply get(int port, String rawTarget, String... extraHeaders) {
		StringBuilder head = new StringBuilder("GET " + rawTarget + " HTTP/1.1\r\nHost: localhost:" + port
				+ "\r\nAccept: application/json\r\nConnection: close");
		for (String header : extraHeaders) {
			head.append("\r\n").append(header);
		}
		return send(port, head.toString(), new byte[0]);
	}

	private static byte[] readAll(InputStream in) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		try {
			for (int n; (n = in.read(buffer)) > 0;) {
				bytes.write(buffer, 0, n);
			}
		}
		catch (java.net.SocketException reset) {
			// the server may reset after answering a request it refused
		}
		return bytes.toByteArray();
	}

	private static Reply parse(byte[] raw) {
		String text = new String(raw, StandardCharsets.UTF_8);
		int end = text.indexOf("\r\n\r\n");
		if (end < 0) {
			throw new IllegalStateException("no HTTP response: " + text);
		}
		String[] lines = text.substring(0, end).split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		Map<String, String> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			if (colon > 0) {
				headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
			}
		}
		String body = text.substring(end + 4);
		if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
			body = unchunk(body);
		}
		return new Reply(status, headers, body);
	}

	private static String unchunk(String chunked) {
		StringBuilder body = new StringBuilder();
		int at = 0;
		while (at < chunked.length()) {
			int lineEnd = chunked.indexOf("\r\n", at);
			if (lineEnd < 0) {
				break;
			}
			int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].trim(), 16);
			if (size == 0) {
				break;
			}
			body.append(chunked, lineEnd + 2, Math.min(chunked.length(), lineEnd + 2 + size));
			at = lineEnd + 2 + size + 2;
		}
		return body.toString();
	}
}
