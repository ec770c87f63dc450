package com.healthconnect.realtime.internal;

import org.springframework.core.MethodParameter;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;

import com.healthconnect.auth.CurrentUser;
import com.healthconnect.realtime.UserSessions;

/**
 * Lets a {@code @MessageMapping} method take the socket's signed-in user as a {@link CurrentUser} parameter. Besides
 * saying what the handler needs, it is cheaper than a {@code Principal} parameter: Spring's resolver for that asks
 * {@code MethodParameter.isOptional()} on every frame, which reads the parameter's nullness annotations by reflection
 * each time (4 % of the app's CPU in a relay profile, see docs/PERFORMANCE.md).
 */
final class SignedInUserArgument implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == CurrentUser.class;
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, Message<?> message) {
		return UserSessions.user(SimpMessageHeaderAccessor.getUser(message.getHeaders()));
	}
}
