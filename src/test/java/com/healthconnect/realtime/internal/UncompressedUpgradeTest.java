package com.healthconnect.realtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;

import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class UncompressedUpgradeTest {

	@Test
	void theContainerDoesNotSeeTheClientsExtensionOffer() {
		MockHttpServletRequest handshake = new MockHttpServletRequest("GET", "/ws");
		handshake.addHeader("Sec-WebSocket-Extensions", "permessage-deflate; client_max_window_bits");
		handshake.addHeader("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==");
		HttpServletRequest seen = UncompressedUpgrade.withoutExtensionOffer(handshake);
		assertThat(seen.getHeader("sec-websocket-extensions")).isNull();
		assertThat(Collections.list(seen.getHeaders("Sec-WebSocket-Extensions"))).isEmpty();
		assertThat(Collections.list(seen.getHeaderNames())).containsExactly("Sec-WebSocket-Key");
		assertThat(seen.getHeader("Sec-WebSocket-Key")).isEqualTo("dGhlIHNhbXBsZSBub25jZQ==");
	}
}
