package com.healthconnect.call.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

class IceServersTest {

	/**
	 * Computed independently:
	 * {@code printf '%s' '1700000000:65a1b2c3d4e5f60718293a4b' | openssl dgst -sha1 -hmac 'north-sea-turn-secret' -binary | base64}
	 */
	@Test
	void credentialIsBase64HmacSha1OfTheUsername() {
		assertThat(IceServers.credential("north-sea-turn-secret", "1700000000:65a1b2c3d4e5f60718293a4b"))
			.isEqualTo("rdqu+IS2Ox18iqYyiVVKRb6mRmU=");
	}

	@Test
	void usernameIsTheExpiryAndTheUser() {
		Clock clock = Clock.fixed(Instant.ofEpochSecond(1_699_996_400L), ZoneOffset.UTC);
		IceServers servers = new IceServers(new IceProperties.Stun(List.of("stun:stun.example.org:3478")),
				new IceProperties.Turn(List.of("turn:turn.example.org:3478"), "north-sea-turn-secret",
						Duration.ofHours(1), false),
				clock);
		IceServers.IceConfig config = servers.forUser("65a1b2c3d4e5f60718293a4b");
		assertThat(config.ttlSeconds()).isEqualTo(3600);
		assertThat(config.iceServers()).hasSize(2);
		IceServers.IceServer turn = config.iceServers().get(1);
		assertThat(turn.username()).isEqualTo("1700000000:65a1b2c3d4e5f60718293a4b");
		assertThat(turn.credential()).isEqualTo("rdqu+IS2Ox18iqYyiVVKRb6mRmU=");
		assertThat(config.iceTransportPolicy()).isNull();
	}

	@Test
	void relayOnlyAsksBrowsersForRelayCandidatesOnly() {
		IceServers servers = new IceServers(new IceProperties.Stun(List.of()),
				new IceProperties.Turn(List.of("turn:turn.example.org:3478"), "s", Duration.ofHours(1), true),
				Clock.systemUTC());
		assertThat(servers.forUser("u").iceTransportPolicy()).isEqualTo("relay");
		IceServers withoutTurn = new IceServers(new IceProperties.Stun(List.of()),
				new IceProperties.Turn(List.of(), "s", Duration.ofHours(1), true), Clock.systemUTC());
		// relay-only without a relay would leave browsers with no candidate at all
		assertThat(withoutTurn.forUser("u").iceTransportPolicy()).isNull();
	}

	@Test
	void withoutASecretTurnEntriesCarryNoCredentials() {
		IceServers servers = new IceServers(new IceProperties.Stun(List.of()),
				new IceProperties.Turn(List.of("turn:turn.example.org:3478"), "", Duration.ofHours(1), false),
				Clock.systemUTC());
		IceServers.IceServer turn = servers.forUser("u").iceServers().get(0);
		assertThat(turn.username()).isNull();
		assertThat(turn.credential()).isNull();
	}
}
