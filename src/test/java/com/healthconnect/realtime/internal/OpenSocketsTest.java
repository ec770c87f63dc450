package com.healthconnect.realtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import org.springframework.web.socket.WebSocketSession;

import com.healthconnect.auth.CurrentUser;
import com.healthconnect.auth.Role;
import com.healthconnect.auth.SessionAuthentication;
import com.healthconnect.auth.SessionChecks;
import com.healthconnect.auth.SignedOut;

class OpenSocketsTest {

	static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

	SessionChecks checks = mock(SessionChecks.class);
	OpenSockets sockets = new OpenSockets(Clock.fixed(NOW, ZoneOffset.UTC), properties(), checks);

	@Test
	void aSocketClosesWhenItsTokenExpires() throws Exception {
		given(checks.stillValid(org.mockito.ArgumentMatchers.any())).willReturn(true);
		WebSocketSession expired = socket("a", "token-1", NOW.minusSeconds(1));
		WebSocketSession valid = socket("b", "token-2", NOW.plusSeconds(60));
		sockets.closeEnded();
		verify(expired).close(OpenSockets.EXPIRED);
		verify(valid, never()).close(org.mockito.ArgumentMatchers.any());
	}

	@Test
	void aSocketClosesWhenItsSessionEndedOnAnotherInstance() throws Exception {
		WebSocketSession signedOutElsewhere = socket("a", "token-1", NOW.plusSeconds(60));
		WebSocketSession valid = socket("b", "token-2", NOW.plusSeconds(60));
		given(checks.stillValid(org.mockito.ArgumentMatchers.any())).willAnswer(
				call -> !((SessionAuthentication) call.getArgument(0)).tokenId().equals("token-1"));
		sockets.closeEnded();
		verify(signedOutElsewhere).close(OpenSockets.SIGNED_OUT);
		verify(valid, never()).close(org.mockito.ArgumentMatchers.any());
	}

	@Test
	void signingOutClosesOnlyTheSocketsOfThatToken() throws Exception {
		WebSocketSession tab = socket("a", "token-1", NOW.plusSeconds(60));
		WebSocketSession otherTab = socket("b", "token-1", NOW.plusSeconds(60));
		WebSocketSession otherDevice = socket("c", "token-2", NOW.plusSeconds(60));
		sockets.signedOut(new SignedOut("user", "token-1"));
		verify(tab).close(OpenSockets.SIGNED_OUT);
		verify(otherTab).close(OpenSockets.SIGNED_OUT);
		verify(otherDevice, never()).close(org.mockito.ArgumentMatchers.any());
	}

	@Test
	void aUserBeyondTheSessionCapIsRefusedAndAClosedSessionFreesItsPlace() {
		List<WebSocketSession> open = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			open.add(socket("s" + i, "token-1", NOW.plusSeconds(60)));
		}
		WebSocketSession eleventh = session("s10", "user", "token-1", NOW.plusSeconds(60));
		assertThat(sockets.mayOpen("user", 0)).isFalse();
		assertThat(sockets.opened(eleventh)).isFalse();
		// another user is counted apart
		assertThat(sockets.opened(session("t0", "other", "token-9", NOW.plusSeconds(60))))
			.isTrue();
		sockets.closed(open.get(0));
		assertThat(sockets.mayOpen("user", 0)).isTrue();
		assertThat(sockets.opened(eleventh)).isTrue();
		assertThat(sockets.count()).isEqualTo(11);
	}

	@Test
	void sessionsOnOtherInstancesCountAgainstTheCap() {
		for (int i = 0; i < 7; i++) {
			socket("s" + i, "token-1", NOW.plusSeconds(60));
		}
		assertThat(sockets.mayOpen("user", 2)).as("7 here + 2 elsewhere < 10").isTrue();
		assertThat(sockets.mayOpen("user", 3)).as("7 here + 3 elsewhere = 10").isFalse();
		assertThat(sockets.mayOpen("other", 9)).as("nothing here, 9 elsewhere").isTrue();
		assertThat(sockets.mayOpen("other", 10)).isFalse();
	}

	private static WebSocketSession session(String id, String userId, String tokenId, Instant expiresAt) {
		WebSocketSession session = mock(WebSocketSession.class);
		given(session.getId()).willReturn(id);
		given(session.getPrincipal())
			.willReturn(new SessionAuthentication(new CurrentUser(userId, Role.PATIENT), tokenId, expiresAt));
		return session;
	}

	private WebSocketSession socket(String id, String tokenId, Instant expiresAt) {
		WebSocketSession session = mock(WebSocketSession.class);
		given(session.getId()).willReturn(id);
		given(session.getPrincipal())
			.willReturn(new SessionAuthentication(new CurrentUser("user", Role.PATIENT), tokenId, expiresAt));
		sockets.opened(session);
		return session;
	}

	private static RealtimeProperties properties() {
		return new RealtimeProperties(DataSize.ofKilobytes(64), DataSize.ofKilobytes(8), Duration.ofSeconds(10),
				DataSize.ofKilobytes(512), Duration.ofSeconds(25), new RealtimeProperties.Rate(100, 50),
				new RealtimeProperties.Blocking(true, 16, 10000),
				new RealtimeProperties.PerUser(10, 20, 10, 200, 100), RealtimeProperties.Broker.SIMPLE, null,
				Duration.ofSeconds(5), Duration.ofSeconds(20), false);
	}
}
