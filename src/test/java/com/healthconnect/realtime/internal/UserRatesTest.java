package com.healthconnect.realtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class UserRatesTest {

	@Test
	void chatAndSignalingEachHaveOneBucketPerUserOverAllDestinations() {
		UserRates rates = new UserRates(properties(new RealtimeProperties.PerUser(10, 3, 1, 2, 1)));
		assertThat(rates.refusal("ann", "/app/chat.send")).isNull();
		assertThat(rates.refusal("ann", "/app/typing")).isNull();
		assertThat(rates.refusal("ann", "/app/chat.send")).isNull();
		assertThat(rates.refusal("ann", "/app/typing")).contains("Too many chat messages").contains("per user");
		// signaling draws on its own bucket, other users on theirs, other destinations on none
		assertThat(rates.refusal("ann", "/app/ice-candidate")).isNull();
		assertThat(rates.refusal("ann", "/app/call-user")).isNull();
		assertThat(rates.refusal("ann", "/app/end-call")).contains("Too many signaling messages");
		assertThat(rates.refusal("bob", "/app/chat.send")).isNull();
		assertThat(rates.refusal("ann", "/app/unknown")).isNull();
	}

	@Test
	void idleUsersBucketsAreForgottenSoTheStateStaysBounded() {
		// refilled within a millisecond, so forgotten about a second after last use
		UserRates rates = new UserRates(properties(new RealtimeProperties.PerUser(10, 1, 1000, 1, 1000)));
		for (int i = 0; i < 5_000; i++) {
			rates.refusal("user-" + i, "/app/chat.send");
		}
		assertThat(rates.tracked()).isPositive();
		await().atMost(Duration.ofSeconds(10)).until(() -> rates.tracked() == 0);
	}

	private static RealtimeProperties properties(RealtimeProperties.PerUser perUser) {
		return new RealtimeProperties(DataSize.ofKilobytes(64), DataSize.ofKilobytes(8), Duration.ofSeconds(10),
				DataSize.ofKilobytes(512), Duration.ofSeconds(25), new RealtimeProperties.Rate(100, 50),
				Duration.ofMinutes(5), new RealtimeProperties.Blocking(true, 16, 10000), perUser,
				RealtimeProperties.Broker.SIMPLE, null, Duration.ofSeconds(5), Duration.ofSeconds(20));
	}
}
