package com.healthconnect.call.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import com.healthconnect.call.CallMissed;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.healthconnect.appointment.Connections;
import com.healthconnect.auth.CurrentUser;
import com.healthconnect.metrics.AppMetrics;
import com.healthconnect.platform.DomainException;
import com.healthconnect.appointment.People;
import com.healthconnect.realtime.UserSessionClosed;
import com.healthconnect.realtime.UserSessions;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import tools.jackson.databind.JsonNode;

/**
 * The WebRTC signaling relay. It passes offers, answers and candidates between a connected doctor and patient without
 * looking inside them, and keeps just enough state ({@link CallRegistry}, shared by every instance) to say who is
 * busy, to stop the callee's other tabs ringing, to end an unanswered call after the ring timeout, to hold an answered
 * call open while a party whose connection dropped comes back ({@code rejoin-call}), and to log every call once.
 * <p>
 * Before a call is answered its frames go to every session of the other user (all their tabs ring); afterwards they go
 * to the two sessions taking part, wherever each is connected. ICE candidates, dozens per call set-up, find their
 * call in a two-second cache rather than in MongoDB each time.
 */
@Service
public class Signaling {

	public static final String NO_ANSWER = "no-answer";
	public static final String OFFLINE = "offline";
	public static final String BUSY = "busy";
	public static final String DISCONNECTED = "disconnected";
	public static final String DROPPED = "dropped";

	private static final Logger log = LoggerFactory.getLogger(Signaling.class);

	private final UserSessions sessions;
	private final Connections connections;
	private final AppMetrics metrics;
	private final People people;
	private final CallRegistry calls;
	private final CallLog callLog;
	private final Clock clock;
	private final Duration ringTimeout;
	private final Duration rejoinGrace;
	private final TaskScheduler scheduler;
	private final ApplicationEventPublisher events;
	/** Calls by id, and by "callerId:calleeId" pair, as the ICE relay last read them. */
	private final Cache<String, Optional<Call>> recentCalls = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofSeconds(2))
		.maximumSize(100_000)
		.build();

	Signaling(UserSessions sessions, Connections connections, People people, CallRegistry calls,
			CallLog callLog, Clock clock, CallProperties properties, @Lazy TaskScheduler scheduler,
			ApplicationEventPublisher events, AppMetrics metrics) {
		this.metrics = metrics;
		this.events = events;
		this.sessions = sessions;
		this.connections = connections;
		this.people = people;
		this.calls = calls;
		this.callLog = callLog;
		this.clock = clock;
		this.ringTimeout = properties.ringTimeout();
		this.rejoinGrace = properties.rejoinGrace();
		this.scheduler = scheduler;
	}

	public void callUser(CurrentUser from, String sessionId, String to, JsonNode offer, String mode, String callId) {
		callUser(from, sessionId, to, offer, mode, callId, null);
	}

	/**
	 * {@code appointmentId} ties the call to the appointment whose visit it is: shown to the callee and kept in the log.
	 * The two are connected (checked first), so the label names a visit between them or nothing they may not see.
	 */
	public void callUser(CurrentUser from, String sessionId, String to, JsonNode offer, String mode, String callId,
			String appointmentId) {
		requireConnected(from, to);
		if (appointmentId != null && !ObjectId.isValid(appointmentId)) {
			throw DomainException.invalidField("appointmentId", "must be an appointment id");
		}
		if (appointmentId != null && !connections.isBetween(appointmentId, from.id(), to)) {
			throw DomainException.forbidden("This appointment is not one between you and the person you are calling");
		}
		require(offer, "offer");
		if (callId != null) {
			renegotiate(from, sessionId, to, offer, callId);
			return;
		}
		String callMode = mode == null ? "video" : mode;
		if (!callMode.equals("video") && !callMode.equals("audio")) {
			throw DomainException.invalidField("mode", "must be \"video\" or \"audio\"");
		}
		Instant now = clock.instant();
		if (!sessions.isOnline(to)) {
			fail(from, sessionId, to, OFFLINE, callMode, now, appointmentId);
			return;
		}
		String fromName = people.get(from.id(), from.role()).name();
		Instant ringsUntil = now.plus(ringTimeout);
		CallRegistry.Started started = calls.start(from.id(), sessionId, to, callMode, now, ringsUntil, appointmentId,
				fromName);
		switch (started.result()) {
			case CALLEE_BUSY -> fail(from, sessionId, to, BUSY, callMode, now, appointmentId);
			case CALLER_BUSY -> throw DomainException.conflict("You are already in a call; end it first");
			case STARTED -> {
				Call call = started.call();
				scheduler.schedule(() -> ringTimedOut(call.id), ringsUntil);
				metrics.frameRelayed();
				sessions.toUser(to, "/queue/call-made", new CallMade(from.id(), fromName, offer, call.id, callMode,
						appointmentId));
			}
		}
	}

	public void answerCall(CurrentUser from, String sessionId, String to, JsonNode answer, String callId) {
		requireConnected(from, to);
		require(answer, "answer");
		require(callId, "callId");
		// a ringing call is answered in one step (the caller waits for this answer to connect); only when it is not
		// ringing is the answer read as one to an in-call offer
		Optional<Call> answered = calls.answer(callId, from.id(), to, sessionId, clock.instant());
		if (answered.isEmpty()) {
			// the answer to an in-call offer (an ICE restart): only the peer's session in the call gets it
			Call inProgress = answeredBetween(callId, from, sessionId, to)
				.orElseThrow(() -> DomainException.conflict("This call is not ringing any more"));
			sessions.toSession(to, inProgress.sessionOf(to), "/queue/call-answered",
					new CallAnswered(from.id(), answer, callId));
			return;
		}
		Call call = answered.get();
		forget(call);
		sessions.toSession(to, call.callerSession, "/queue/call-answered", new CallAnswered(from.id(), answer, callId));
		sessions.toUserExcept(from.id(), sessionId, "/queue/call-answered-elsewhere", new AnsweredElsewhere(callId));
	}

	/**
	 * A new offer within an answered call, as a browser sends to restart ICE after the connection failed: relayed as
	 * {@code call-made} with the same call id to the peer's session in the call, which answers it with
	 * {@code answer-call}. Never "busy": the two are already in this call together.
	 */
	private void renegotiate(CurrentUser from, String sessionId, String to, JsonNode offer, String callId) {
		Call call = answeredBetween(callId, from, sessionId, to)
			.orElseThrow(() -> DomainException.conflict("This call is not in progress any more"));
		String fromName = people.get(from.id(), from.role()).name();
		sessions.toSession(to, call.sessionOf(to), "/queue/call-made",
				new CallMade(from.id(), fromName, offer, callId, call.mode, call.appointmentId));
	}

	/** The answered call with this id between the two users, sent from the session that takes part in it. */
	private Optional<Call> answeredBetween(String callId, CurrentUser from, String sessionId, String to) {
		Optional<Call> call = calls.find(callId)
			.filter(c -> !c.ringing() && c.involves(from.id()) && c.peerOf(from.id()).equals(to)
					&& sessionId.equals(c.sessionOf(from.id())));
		// a renegotiation may follow a rejoin on another instance: the candidates after it read the call afresh
		call.ifPresent(this::forget);
		return call;
	}

	/** The hottest frame (a few dozen per call set-up, each relayed at once). */
	public void iceCandidate(CurrentUser from, String to, JsonNode candidate, String callId) {
		requireConnected(from, to);
		require(candidate, "candidate");
		Call call = (callId != null
				? recent(callId, () -> calls.find(callId)).filter(c -> c.involves(from.id()) && c.involves(to))
				: recent(from.id() + ':' + to, () -> calls.between(from.id(), to)))
			.orElse(null);
		relay(to, call, "/queue/ice-candidate", new IceCandidate(from.id(), candidate, call != null ? call.id : callId));
	}

	private Optional<Call> recent(String key, java.util.function.Supplier<Optional<Call>> lookup) {
		return recentCalls.get(key, ignored -> lookup.get());
	}

	/** This instance changed the call: the ICE relay reads it afresh. */
	private void forget(Call call) {
		recentCalls.invalidate(call.id);
		recentCalls.invalidate(call.callerId + ':' + call.calleeId);
		recentCalls.invalidate(call.calleeId + ':' + call.callerId);
	}

	public void rejectCall(CurrentUser from, String sessionId, String to, String callId) {
		requireConnected(from, to);
		require(callId, "callId");
		Call call = calls.find(callId).filter(c -> c.ringing() && c.calleeId.equals(from.id()) && c.callerId.equals(to))
			.flatMap(c -> calls.end(callId, from.id()))
			.orElse(null);
		if (call != null) {
			log(call, CallOutcome.REJECTED);
			sessions.toSession(to, call.callerSession, "/queue/call-rejected", new CallRejected(from.id(), callId));
			// the callee's other tabs stop ringing
			sessions.toUserExcept(from.id(), sessionId, "/queue/call-ended", new CallEnded(to, callId, null));
		}
		else {
			sessions.toUser(to, "/queue/call-rejected", new CallRejected(from.id(), callId));
		}
	}

	/**
	 * Hangs up. A caller whose call still rings has not been told its id (that comes with {@code call-answered}), so
	 * without a {@code callId} the call the two are in together is ended.
	 */
	public void endCall(CurrentUser from, String to, String callId) {
		requireConnected(from, to);
		Optional<Call> known = callId != null ? calls.find(callId).filter(c -> c.involves(to))
				: calls.between(from.id(), to);
		String endedId = known.map(c -> c.id).orElse(callId);
		known.flatMap(c -> calls.end(c.id, from.id())).ifPresent(call -> {
			CallOutcome outcome = !call.ringing() ? CallOutcome.COMPLETED
					: call.callerId.equals(from.id()) ? CallOutcome.MISSED : CallOutcome.REJECTED;
			log(call, outcome);
		});
		// whether or not the call is still known here, the other side hangs up
		sessions.toUser(to, "/queue/call-ended", new CallEnded(from.id(), endedId, null));
	}

	/**
	 * A session closed (here, or on an instance that stopped): a call ringing from it ends, calls ringing for a user now
	 * offline fail, and an answered call it took part in is interrupted: the other side is told
	 * {@code call-interrupted} and the call waits {@code rejoin-grace} for a new session of the user to rejoin.
	 */
	@EventListener
	void sessionClosed(UserSessionClosed closed) {
		String userId = closed.userId();
		for (Call call : calls.endForClosedSession(userId, closed.sessionId(), closed.stillOnline())) {
			log(call, CallOutcome.MISSED);
			if (call.calleeId.equals(userId)) {
				sessions.toSession(call.callerId, call.callerSession, "/queue/call-failed",
						new CallFailed(userId, OFFLINE, call.id));
			}
			else {
				sessions.toUser(call.calleeId, "/queue/call-ended", new CallEnded(userId, call.id, DISCONNECTED));
			}
		}
		Instant rejoinBy = clock.instant().plus(rejoinGrace);
		for (Call call : calls.interruptForClosedSession(userId, closed.sessionId(), rejoinBy)) {
			forget(call);
			String peer = call.peerOf(userId);
			sessions.toSession(peer, call.sessionOf(peer), "/queue/call-interrupted", new CallPeer(userId, call.id));
			try {
				scheduler.schedule(() -> rejoinTimedOut(call.id), rejoinBy);
			}
			catch (RuntimeException ex) {
				// this instance is stopping (its sockets closing are what interrupted the call): the sweep of every
				// other instance drops the call if no one rejoins
				log.debug("Rejoin deadline of call {} left to the sweep: {}", call.id, ex.toString());
			}
		}
	}

	/**
	 * A party of an answered call is back in a new session (a reloaded page, a reconnected socket, on any instance): the
	 * call's frames go to that session from now on, and the other party is told {@code call-rejoined}, upon which the
	 * two renegotiate. Refused for anyone not a party of the call, and once the call has ended.
	 */
	public void rejoinCall(CurrentUser from, String sessionId, String callId) {
		require(callId, "callId");
		Call known = calls.find(callId).orElse(null);
		if (known != null && !known.involves(from.id())) {
			throw DomainException.forbidden("You are not taking part in this call");
		}
		Call call = calls.rejoin(callId, from.id(), sessionId, clock.instant())
			.orElseThrow(() -> DomainException.conflict("This call is not in progress any more"));
		forget(call);
		metrics.frameRelayed();
		String peer = call.peerOf(from.id());
		sessions.toSession(peer, call.sessionOf(peer), "/queue/call-rejoined", new CallPeer(from.id(), callId));
	}

	private void rejoinTimedOut(String callId) {
		try {
			calls.endIfDropped(callId, clock.instant()).ifPresent(this::dropped);
		}
		catch (RuntimeException ex) {
			log.warn("Rejoin deadline of call {} not applied: {}", callId, ex.toString());
		}
	}

	/**
	 * Interrupted calls past their rejoin deadline whose instance did not end them (it stopped, or its timer was
	 * lost): dropped by whichever instance gets to each first.
	 */
	@Scheduled(fixedDelayString = "${healthconnect.calls.ring-sweep:5s}")
	void endOverdueRejoins() {
		try {
			calls.endDroppedBefore(clock.instant()).forEach(this::dropped);
		}
		catch (RuntimeException ex) {
			log.warn("Overdue interrupted calls not swept: {}", ex.toString());
		}
	}

	private void dropped(Call call) {
		log(call, CallOutcome.DROPPED);
		sessions.toUser(call.callerId, "/queue/call-ended", new CallEnded(call.calleeId, call.id, DROPPED));
		sessions.toUser(call.calleeId, "/queue/call-ended", new CallEnded(call.callerId, call.id, DROPPED));
	}

	private void ringTimedOut(String callId) {
		try {
			calls.endIfRinging(callId).ifPresent(this::noAnswer);
		}
		catch (RuntimeException ex) {
			log.warn("Ring timeout of call {} not applied: {}", callId, ex.toString());
		}
	}

	/**
	 * Calls still ringing past their time whose instance did not end them (it stopped, or its timer was lost): ended
	 * by whichever instance gets to each first.
	 */
	@Scheduled(fixedDelayString = "${healthconnect.calls.ring-sweep:5s}")
	void endOverdueRinging() {
		try {
			calls.endRingingBefore(clock.instant().minusSeconds(2)).forEach(this::noAnswer);
		}
		catch (RuntimeException ex) {
			log.warn("Overdue ringing calls not swept: {}", ex.toString());
		}
	}

	private void noAnswer(Call call) {
		log(call, CallOutcome.MISSED);
		sessions.toSession(call.callerId, call.callerSession, "/queue/call-failed",
				new CallFailed(call.calleeId, NO_ANSWER, call.id));
		sessions.toUser(call.calleeId, "/queue/call-ended", new CallEnded(call.callerId, call.id, NO_ANSWER));
	}

	private void fail(CurrentUser from, String sessionId, String to, String reason, String mode, Instant now,
			String appointmentId) {
		String id = new ObjectId().toHexString();
		metrics.callEnded(CallOutcome.FAILED.json());
		write(new CallRecord(id, from.id(), to, mode, now, null, now, CallOutcome.FAILED, appointmentId));
		sessions.toSession(from.id(), sessionId, "/queue/call-failed", new CallFailed(to, reason, null));
	}

	private void relay(String to, Call call, String queue, Object payload) {
		metrics.frameRelayed();
		String session = call != null && !call.ringing() ? call.sessionOf(to) : null;
		if (session != null) {
			sessions.toSession(to, session, queue, payload);
		}
		else {
			sessions.toUser(to, queue, payload);
		}
	}

	private void log(Call call, CallOutcome outcome) {
		forget(call);
		metrics.callEnded(outcome.json());
		write(call.record(clock.instant(), outcome));
		if (outcome == CallOutcome.MISSED) {
			events.publishEvent(new CallMissed(call.calleeId, call.callerId, call.callerName, call.id,
					call.appointmentId));
		}
	}

	private void write(CallRecord record) {
		try {
			callLog.record(record);
		}
		catch (RuntimeException ex) {
			log.warn("Call {} could not be logged: {}", record.id(), ex.toString());
		}
	}

	private void requireConnected(CurrentUser from, String to) {
		if (to == null || to.isBlank()) {
			throw DomainException.invalidField("to", "is required");
		}
		if (!connections.areConnected(from.id(), to)) {
			throw DomainException.forbidden("You can only call, or signal to, a doctor or patient you have an "
					+ "appointment with");
		}
	}

	private static void require(Object value, String field) {
		if (value == null || (value instanceof JsonNode node && node.isNull())) {
			throw DomainException.invalidField(field, "is required");
		}
	}

	public record CallMade(String from, String fromName, JsonNode offer, String callId, String mode,
			@JsonInclude(JsonInclude.Include.NON_NULL) String appointmentId) {
	}

	public record CallAnswered(String from, JsonNode answer, String callId) {
	}

	public record IceCandidate(String from, JsonNode candidate, String callId) {
	}

	public record CallRejected(String from, String callId) {
	}

	/** {@code call-interrupted} and {@code call-rejoined}: which party dropped or came back, in which call. */
	public record CallPeer(String from, String callId) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record CallEnded(String from, String callId, String reason) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record CallFailed(String to, String reason, String callId) {
	}

	public record AnsweredElsewhere(String callId) {
	}
}
