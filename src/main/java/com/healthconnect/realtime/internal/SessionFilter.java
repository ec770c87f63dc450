package com.healthconnect.realtime.internal;

import java.util.List;
import java.util.Map;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.messaging.support.NativeMessageHeaderAccessor;

import com.healthconnect.realtime.UserDestinations;

/**
 * The last step before a message reaches a client: a push meant for one session of a user, or for all but one, was
 * delivered by the broker to each of the user's sessions; the copies for the other sessions stop here. The routing
 * headers, and the {@code destination-type} header Artemis adds, are removed from what the client gets.
 */
final class SessionFilter implements ChannelInterceptor {

	static final String ARTEMIS_DESTINATION_TYPE = "destination-type";

	@Override
	public Message<?> preSend(Message<?> message, MessageChannel channel) {
		if (SimpMessageHeaderAccessor.getMessageType(message.getHeaders()) != SimpMessageType.MESSAGE) {
			return message;
		}
		@SuppressWarnings("unchecked")
		Map<String, List<String>> nativeHeaders = (Map<String, List<String>>) message.getHeaders()
			.get(NativeMessageHeaderAccessor.NATIVE_HEADERS);
		if (nativeHeaders == null) {
			return message;
		}
		String only = first(nativeHeaders, UserDestinations.ONLY_SESSION);
		String except = first(nativeHeaders, UserDestinations.EXCEPT_SESSION);
		if (only == null && except == null && !nativeHeaders.containsKey(ARTEMIS_DESTINATION_TYPE)) {
			return message;
		}
		String session = SimpMessageHeaderAccessor.getSessionId(message.getHeaders());
		if ((only != null && !only.equals(session)) || (except != null && except.equals(session))) {
			return null;
		}
		SimpMessageHeaderAccessor cleaned = SimpMessageHeaderAccessor.wrap(message);
		cleaned.removeNativeHeader(UserDestinations.ONLY_SESSION);
		cleaned.removeNativeHeader(UserDestinations.EXCEPT_SESSION);
		cleaned.removeNativeHeader(ARTEMIS_DESTINATION_TYPE);
		return MessageBuilder.createMessage(message.getPayload(), cleaned.getMessageHeaders());
	}

	private static String first(Map<String, List<String>> headers, String name) {
		List<String> values = headers.get(name);
		return values == null || values.isEmpty() ? null : values.get(0);
	}
}
