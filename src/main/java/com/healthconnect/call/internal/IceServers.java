package com.healthconnect.call.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Service;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The ICE servers a browser should use. With a TURN secret, TURN entries carry coturn REST-API credentials
 * ({@code use-auth-secret}): username {@code <unix-expiry>:<userId>}, credential base64(HMAC-SHA1(secret, username)),
 * so no long-lived TURN password ever reaches a browser.
 */
@Service
public class IceServers {

	private final IceProperties.Stun stun;
	private final IceProperties.Turn turn;
	private final Clock clock;

	IceServers(IceProperties.Stun stun, IceProperties.Turn turn, Clock clock) {
		this.stun = stun;
		this.turn = turn;
		this.clock = clock;
	}

	public IceConfig forUser(String userId) {
		List<IceServer> servers = new ArrayList<>();
		if (!stun.urls().isEmpty()) {
			servers.add(new IceServer(stun.urls(), null, null));
		}
		if (!turn.urls().isEmpty()) {
			if (turn.hasSecret()) {
				String username = (clock.instant().getEpochSecond() + turn.ttl().toSeconds()) + ":" + userId;
				servers.add(new IceServer(turn.urls(), username, credential(turn.secret(), username)));
			}
			else {
				servers.add(new IceServer(turn.urls(), null, null));
			}
		}
		return new IceConfig(servers, turn.ttl().toSeconds(), turn.relayOnly() && !turn.urls().isEmpty() ? "relay" : null);
	}

	/** coturn's REST-API credential: base64(HMAC-SHA1(secret, username)). */
	static String credential(String secret, String username) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
			return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA1 is not available", ex);
		}
	}

	/** {@code iceTransportPolicy} is {@code "relay"} with {@code healthconnect.turn.relay-only} (and a TURN URL), else absent. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record IceConfig(List<IceServer> iceServers, long ttlSeconds, String iceTransportPolicy) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record IceServer(List<String> urls, String username, String credential) {
	}
}
