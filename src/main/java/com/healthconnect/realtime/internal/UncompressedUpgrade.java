package com.healthconnect.realtime.internal;

import java.security.Principal;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.socket.WebSocketExtension;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeFailureException;
import org.springframework.web.socket.server.standard.StandardWebSocketUpgradeStrategy;

/**
 * The {@code /ws} upgrade without WebSocket extensions, unless {@code healthconnect.realtime.compression} is on.
 * Chromium offers {@code permessage-deflate} on every WebSocket, and Tomcat accepts it even when Spring selects no
 * extension (an empty selection makes Tomcat fall back to all it has installed), so each relayed frame would be
 * inflated and deflated on the server: for signaling frames of a few hundred bytes that costs more latency and CPU
 * than the bytes it saves (see docs/PERFORMANCE.md, "WebSocket compression"). The container is therefore shown the
 * handshake without the client's offer.
 */
final class UncompressedUpgrade extends StandardWebSocketUpgradeStrategy {

	static final String EXTENSIONS = "Sec-WebSocket-Extensions";

	@Override
	public List<WebSocketExtension> getSupportedExtensions(ServerHttpRequest request) {
		return List.of();
	}

	@Override
	public void upgrade(ServerHttpRequest request, ServerHttpResponse response, String selectedProtocol,
			List<WebSocketExtension> selectedExtensions, Principal user, WebSocketHandler wsHandler,
			Map<String, Object> attrs) throws HandshakeFailureException {
		HttpServletRequest servlet = ((ServletServerHttpRequest) request).getServletRequest();
		super.upgrade(new ServletServerHttpRequest(withoutExtensionOffer(servlet)), response, selectedProtocol,
				List.of(), user, wsHandler, attrs);
	}

	static HttpServletRequest withoutExtensionOffer(HttpServletRequest request) {
		return new HttpServletRequestWrapper(request) {

			@Override
			public String getHeader(String name) {
				return EXTENSIONS.equalsIgnoreCase(name) ? null : super.getHeader(name);
			}

			@Override
			public Enumeration<String> getHeaders(String name) {
				return EXTENSIONS.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
			}

			@Override
			public Enumeration<String> getHeaderNames() {
				return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
					.filter(header -> !EXTENSIONS.equalsIgnoreCase(header)).toList());
			}
		};
	}
}
