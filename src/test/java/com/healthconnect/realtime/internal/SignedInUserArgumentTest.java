package com.healthconnect.realtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.security.Principal;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;

import com.healthconnect.auth.CurrentUser;
import com.healthconnect.auth.Role;
import com.healthconnect.auth.SessionAuthentication;
import com.healthconnect.platform.DomainException;

class SignedInUserArgumentTest {

	private final SignedInUserArgument resolver = new SignedInUserArgument();

	@SuppressWarnings("unused")
	void handler(CurrentUser from, Principal principal, String text) {
	}

	private static MethodParameter parameter(int index) throws NoSuchMethodException {
		Method method = SignedInUserArgumentTest.class.getDeclaredMethod("handler", CurrentUser.class, Principal.class,
				String.class);
		return new MethodParameter(method, index);
	}

	private static Message<byte[]> frameFrom(Principal user) {
		SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create();
		headers.setUser(user);
		return MessageBuilder.createMessage(new byte[0], headers.getMessageHeaders());
	}

	@Test
	void takesOnlyCurrentUserParameters() throws Exception {
		assertThat(resolver.supportsParameter(parameter(0))).isTrue();
		assertThat(resolver.supportsParameter(parameter(1))).as("a Principal stays Spring's").isFalse();
		assertThat(resolver.supportsParameter(parameter(2))).as("the payload stays Spring's").isFalse();
	}

	@Test
	void givesTheUserWhoseCookieOpenedTheSocket() throws Exception {
		CurrentUser zoe = new CurrentUser("zoe", Role.PATIENT);
		Message<byte[]> frame = frameFrom(new SessionAuthentication(zoe, "token-1", Instant.now().plusSeconds(60)));

		assertThat(resolver.resolveArgument(parameter(0), frame)).isEqualTo(zoe);
	}

	@Test
	void refusesAFrameOfASocketNobodySignedInto() throws Exception {
		assertThatThrownBy(() -> resolver.resolveArgument(parameter(0), frameFrom(null)))
			.isInstanceOf(DomainException.class);
	}
}
