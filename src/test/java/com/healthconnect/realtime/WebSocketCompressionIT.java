package com.healthconnect.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.healthconnect.support.ApiClient;
import com.healthconnect.support.IntegrationTest;

/**
 * The handshake at {@code /ws} as Chromium makes it: it offers {@code permessage-deflate}, which Tomcat would accept;
 * the app declines it by default (see {@code healthconnect.realtime.compression}).
 */
@IntegrationTest
class WebSocketCompressionIT {

	@LocalServerPort
	int port;

	@Test
	void aBrowsersDeflateOfferIsDeclinedAndTheSocketStillOpens() throws IOException {
		ApiClient patient = new ApiClient(port).registerPatient("Deflate Patient");
		String response = handshake(patient, "permessage-deflate; client_max_window_bits");
		assertThat(response).startsWith("HTTP/1.1 101");
		assertThat(response.toLowerCase()).doesNotContain("sec-websocket-extensions");
	}

	private String handshake(ApiClient user, String extensions) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			String request = "GET /ws HTTP/1.1\r\nHost: localhost:" + port + "\r\nUpgrade: websocket\r\n"
					+ "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
					+ "Sec-WebSocket-Extensions: " + extensions + "\r\nOrigin: http://localhost:" + port + "\r\n"
					+ "Cookie: token=" + user.sessionToken() + "; XSRF-TOKEN=" + user.csrf() + "\r\n\r\n";
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			StringBuilder head = new StringBuilder();
			int c;
			while ((c = in.read()) >= 0) {
				head.append((char) c);
				if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
					break;
				}
			}
			return head.toString();
		}
	}
}
