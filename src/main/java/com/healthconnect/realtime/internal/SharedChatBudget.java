package com.healthconnect.realtime.internal;

import java.time.Duration;

import org.springframework.stereotype.Component;

import com.healthconnect.platform.TooManyRequestsException;
import com.healthconnect.realtime.ChatBudget;
import com.healthconnect.realtime.SendBudget;

/** {@link ChatBudget} on {@link UserRates}' chat buckets: a REST message counts as one {@code /app/chat.send} frame. */
@Component
class SharedChatBudget implements ChatBudget {

	private final UserRates rates;
	private final Duration retryAfter;

	SharedChatBudget(UserRates rates, RealtimeProperties properties) {
		this.rates = rates;
		// one token comes back after 1/perSecond seconds; Retry-After counts whole seconds
		this.retryAfter = Duration.ofSeconds((long) Math.ceil(1d / Math.max(1, properties.perUser().chatPerSecond())));
	}

	@Override
	public void take(String userId) {
		String refusal = rates.refusal(userId, SendBudget.Kind.CHAT);
		if (refusal != null) {
			throw new TooManyRequestsException(refusal, retryAfter);
		}
	}
}
