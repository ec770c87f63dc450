package com.healthconnect.realtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompDecoder;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;

/** The direct route's STOMP reading and writing agree with Spring's codec, and leave to it whatever is not plain. */
class StompFramesTest {

	static final String JSON = "{\"to\":\"abc\",\"candidate\":{\"candidate\":\"candidate:1 1 udp 1 1.2.3.4 5 typ host\"}}";

	final StompDecoder spring = new StompDecoder();

	@ParameterizedTest
	@ValueSource(strings = {
			"SEND\ndestination:/app/ice-candidate\ncontent-type:application/json\ncontent-length:LEN\n\nBODY\0",
			"SEND\ndestination:/app/ice-candidate\ncontent-length:LEN\n\nBODY\0",
			"SEND\ncontent-length:LEN\ndestination:/app/ice-candidate\n\nBODY\0",
			"SEND\ndestination:/app/ice-candidate\n\nBODY\0" })
	void readsPlainSendFramesAsSpringDoes(String template) {
		String frame = template.replace("LEN", Integer.toString(JSON.getBytes(StandardCharsets.UTF_8).length))
			.replace("BODY", JSON);

		StompFrames.Send send = StompFrames.plainSend(frame);

		Message<byte[]> decoded = spring.decode(ByteBuffer.wrap(frame.getBytes(StandardCharsets.UTF_8))).get(0);
		StompHeaderAccessor headers = StompHeaderAccessor.wrap(decoded);
		assertThat(headers.getCommand()).isEqualTo(StompCommand.SEND);
		assertThat(send).isNotNull();
		assertThat(send.destination()).isEqualTo(headers.getDestination());
		assertThat(send.body()).isEqualTo(decoded.getPayload());
	}

	@Test
	void countsTheBodyInUtf8Bytes() {
		String body = "{\"to\":\"abc\",\"candidate\":{\"note\":\"Grüße, 東京 🩺\"}}";
		int bytes = body.getBytes(StandardCharsets.UTF_8).length;
		StompFrames.Send send = StompFrames.plainSend(
				"SEND\ndestination:/app/ice-candidate\ncontent-length:" + bytes + "\n\n" + body + "\0");
		assertThat(send).isNotNull();
		assertThat(new String(send.body(), StandardCharsets.UTF_8)).isEqualTo(body);
		assertThat(StompFrames.plainSend(
				"SEND\ndestination:/app/ice-candidate\ncontent-length:" + body.length() + "\n\n" + body + "\0")).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = {
			// other commands, or not a whole frame
			"SUBSCRIBE\nid:1\ndestination:/user/queue/x\n\n\0", "SEND\ndestination:/app/ice-candidate\n\n{}",
			"\nSEND\ndestination:/app/ice-candidate\n\n{}\0", "SEND\ndestination:/app/ice-candidate\n\n{}\0\n",
			"SEND\ndestination:/app/ice-candidate\n{}\0", "SEND\n\0",
			// two frames in one message, or a NUL in a body without a length
			"SEND\ndestination:/app/ice-candidate\n\n{}\0SEND\ndestination:/app/ice-candidate\n\n{}\0",
			// what Spring's decoder must judge: CRLF, escapes, receipts and other headers, repeats, odd lengths
			"SEND\r\ndestination:/app/ice-candidate\r\n\r\n{}\0", "SEND\ndestination:/app/ice\\ccandidate\n\n{}\0",
			"SEND\ndestination:/app/ice-candidate\nreceipt:r-1\n\n{}\0",
			"SEND\ndestination:/app/ice-candidate\ndestination:/app/chat.send\n\n{}\0",
			"SEND\ndestination:/app/ice-candidate\ncontent-length:2\ncontent-length:2\n\n{}\0",
			"SEND\ndestination:/app/ice-candidate\ncontent-length:3\n\n{}\0",
			"SEND\ndestination:/app/ice-candidate\ncontent-length:-2\n\n{}\0",
			"SEND\ndestination:/app/ice-candidate\ncontent-length:99999999999\n\n{}\0",
			"SEND\ndestination\n\n{}\0", "SEND\ncontent-length:2\n\n{}\0" })
	void leavesEverythingElseToSpring(String frame) {
		assertThat(StompFrames.plainSend(frame)).isNull();
	}

	@Test
	void writesMessageFramesThatSpringReadsBack() {
		String body = "{\"from\":\"u1\",\"candidate\":{\"candidate\":\"é\"},\"callId\":null}";
		int bytes = body.getBytes(StandardCharsets.UTF_8).length;
		String frame = StompFrames.message("/user/queue/ice-candidate", "sub:1\\x\n", "s1-d7", body, bytes);

		List<Message<byte[]>> decoded = spring.decode(ByteBuffer.wrap(frame.getBytes(StandardCharsets.UTF_8)));

		assertThat(decoded).hasSize(1);
		StompHeaderAccessor headers = StompHeaderAccessor.wrap(decoded.get(0));
		assertThat(headers.getCommand()).isEqualTo(StompCommand.MESSAGE);
		assertThat(headers.getDestination()).isEqualTo("/user/queue/ice-candidate");
		assertThat(headers.getSubscriptionId()).isEqualTo("sub:1\\x\n");
		assertThat(headers.getMessageId()).isEqualTo("s1-d7");
		assertThat(headers.getFirstNativeHeader("content-type")).isEqualTo("application/json");
		assertThat(headers.getContentLength()).isEqualTo(bytes);
		assertThat(new String(decoded.get(0).getPayload(), StandardCharsets.UTF_8)).isEqualTo(body);
	}

	@Test
	void knowsWhenTheDecoderHoldsNothingBack() {
		assertThat(StompFrames.endsAtFrameBoundary("SEND\ndestination:/app/x\n\n{}\0")).isTrue();
		assertThat(StompFrames.endsAtFrameBoundary("SEND\ndestination:/app/x\n\n{}\0\n\r\n")).isTrue();
		assertThat(StompFrames.endsAtFrameBoundary("\n")).isTrue();
		assertThat(StompFrames.endsAtFrameBoundary("")).isTrue();
		assertThat(StompFrames.endsAtFrameBoundary("SEND\ndestination:/app/x\n\n{")).isFalse();
		assertThat(StompFrames.endsAtFrameBoundary("SEND\ndestination:/app/x\n")).isFalse();
		assertThat(StompFrames.endsAtFrameBoundary("{}\0\r")).isFalse();
		assertThat(StompFrames.endsAtFrameBoundary(ByteBuffer.wrap(new byte[] { 'a', 0, '\n' }))).isTrue();
		assertThat(StompFrames.endsAtFrameBoundary(ByteBuffer.wrap(new byte[] { 0, 'a' }))).isFalse();
	}
}
