package com.healthconnect.realtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import com.healthconnect.realtime.SendBudget;

class UserRatesTest {

	private static final SendBudget.Kind CHAT = SendBudget.Kind.CHAT;
	private static final SendBudget.Kind SIGNALING = SendBudget.Kind.SIGNALING;

	@Test
	void chatAndSignalingEachHaveOneBucketPerUserOverAllDestinations() {
		UserRates rates = new UserRates(properties(new RealtimeProperties.PerUser(10, 3, 1, 2, 1)));
		assertThat(rates.refusal("ann", CHAT)).isNull();
		assertThat(rates.refusal("ann", CHAT)).isNull();
		assertThat(rates.refusal("ann", CHAT)).isNull();
		assertThat(rates.refusal("ann", CHAT)).contains("Too many chat messages").contains("per user");
		// signaling draws on its own bucket, other users on theirs
		assertThat(rates.refusal("ann", SIGNALING)).isNull();
		assertThat(rates.refusal("ann", SIGNALING)).isNull();
		assertThat(rates.refusal("ann", SIGNALING)).contains("Too many signaling messages");
		assertThat(rates.refusal("bob", CHAT)).isNull();
	}

	@Test
	void idleUsersBucketsAreForgottenSoTheStateStaysBounded() {
		// refilled within a millisecond, so forgotten about a second after last use
		UserRates rates = new UserRates(properties(new RealtimeProperties.PerUser(10, 1, 1000, 1, 1000)));
		for (int i = 0; i < 5_000; i++) {
			rates.refusal("user-" + i, CHAT);
		}
		assertThat(rates.tracked()).isPositive();
		await().atMost(Duration.ofSeconds(10)).until(() -> rates.tracked() == 0);
	}

	private static RealtimeProperties properties(RealtimeProperties.PerUser perUser) {
		return new RealtimeProperties(DataSize.ofKilobytes(64), DataSize.ofKilobytes(8), Duration.ofSeconds(10),
				DataSize.ofKilobytes(512), Duration.ofSeconds(25), new RealtimeProperties.Rate(100, 50),
				new RealtimeProperties.Blocking(true, 16, 10000), perUser,
				RealtimeProperties.Broker.SIMPLE, null, Duration.ofSeconds(5), Duration.ofSeconds(20), false);
	}
}
