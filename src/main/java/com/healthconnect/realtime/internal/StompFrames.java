package com.healthconnect.realtime.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The little of STOMP 1.2 that the direct relay route reads and writes without Spring's codec: a plain SEND frame in
 * one WebSocket message, and a MESSAGE frame to one subscription. Anything out of the ordinary (CRLF line ends, escaped
 * or unknown headers such as {@code receipt}, a repeated header, a length that does not match, more than one frame in
 * a message) is not read here: {@link #plainSend} answers {@code null} and Spring's codec takes the frame, refusals
 * included.
 */
final class StompFrames {

	private static final String SEND = "SEND\n";
	private static final String DESTINATION = "destination";
	private static final String CONTENT_LENGTH = "content-length";
	private static final String CONTENT_TYPE = "content-type";

	private StompFrames() {
	}

	/** A SEND frame read off the socket: where it goes and its body as sent. */
	record Send(String destination, byte[] body) {
	}

	/**
	 * The SEND frame that makes up the whole of this WebSocket message, or {@code null} when the message is anything
	 * else or is not plain enough to read here.
	 */
	static Send plainSend(String text) {
		int end = text.length() - 1;
		if (end < SEND.length() || !text.startsWith(SEND) || text.charAt(end) != '\0') {
			return null;
		}
		String destination = null;
		int contentLength = -1;
		boolean contentType = false;
		int pos = SEND.length();
		while (true) {
			int eol = text.indexOf('\n', pos);
			if (eol < 0 || eol > end) {
				return null;
			}
			if (eol == pos) {
				pos++;
				break; // the blank line before the body
			}
			int colon = text.indexOf(':', pos);
			if (colon < 0 || colon > eol || hasEscapeOrCarriageReturn(text, pos, eol)) {
				return null;
			}
			if (isName(text, pos, colon, DESTINATION) && destination == null) {
				destination = text.substring(colon + 1, eol);
			}
			else if (isName(text, pos, colon, CONTENT_LENGTH) && contentLength < 0) {
				contentLength = parseLength(text, colon + 1, eol);
				if (contentLength < 0) {
					return null;
				}
			}
			else if (isName(text, pos, colon, CONTENT_TYPE) && !contentType) {
				contentType = true; // the inline destinations take JSON whatever the frame says, as the regular route does
			}
			else {
				return null;
			}
			pos = eol + 1;
		}
		if (destination == null || text.indexOf('\0', pos) != end) {
			return null;
		}
		byte[] body = text.substring(pos, end).getBytes(StandardCharsets.UTF_8);
		if (contentLength >= 0 && contentLength != body.length) {
			return null;
		}
		return new Send(destination, body);
	}

	/**
	 * Whether Spring's STOMP decoder holds nothing back after this whole message: it ends with a frame's NUL, or is
	 * nothing but heart-beat end-of-lines.
	 */
	static boolean endsAtFrameBoundary(String text) {
		int i = text.length() - 1;
		while (i >= 0 && text.charAt(i) == '\n') {
			i--;
			if (i >= 0 && text.charAt(i) == '\r') {
				i--;
			}
		}
		return i < 0 || text.charAt(i) == '\0';
	}

	/** {@link #endsAtFrameBoundary(String)} for a binary message. */
	static boolean endsAtFrameBoundary(ByteBuffer bytes) {
		int i = bytes.limit() - 1;
		while (i >= bytes.position() && bytes.get(i) == '\n') {
			i--;
			if (i >= bytes.position() && bytes.get(i) == '\r') {
				i--;
			}
		}
		return i < bytes.position() || bytes.get(i) == 0;
	}

	/**
	 * A MESSAGE frame with a JSON body for one subscription, as Spring's encoder writes it.
	 * @param json the body
	 * @param jsonBytes its length in UTF-8 bytes
	 */
	static String message(String destination, String subscriptionId, String messageId, String json, int jsonBytes) {
		StringBuilder frame = new StringBuilder(json.length() + destination.length() + 128);
		frame.append("MESSAGE\ndestination:");
		escape(frame, destination);
		frame.append("\ncontent-type:application/json\nsubscription:");
		escape(frame, subscriptionId);
		frame.append("\nmessage-id:");
		escape(frame, messageId);
		frame.append("\ncontent-length:").append(jsonBytes).append("\n\n").append(json).append('\0');
		return frame.toString();
	}

	/** STOMP 1.2 header value escaping. */
	private static void escape(StringBuilder out, String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\' -> out.append("\\\\");
				case ':' -> out.append("\\c");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				default -> out.append(c);
			}
		}
	}

	private static boolean isName(String text, int from, int colon, String name) {
		return colon - from == name.length() && text.startsWith(name, from);
	}

	private static boolean hasEscapeOrCarriageReturn(String text, int from, int to) {
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (c == '\\' || c == '\r') {
				return true;
			}
		}
		return false;
	}

	/** A decimal length of at most nine digits, or -1. */
	private static int parseLength(String text, int from, int to) {
		if (to == from || to - from > 9) {
			return -1;
		}
		int value = 0;
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}
}
