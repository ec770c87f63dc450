import { describe, expect, it } from 'vitest';
import {
  endMessage,
  initialCallState,
  MAX_ICE_RESTARTS,
  DISCONNECTED_GRACE_MS,
  REJOIN_WAIT_MS,
  savedCall,
  transition,
  type CallEffect,
  type CallEvent,
  type CallState,
} from './callMachine';

const OFFER = { type: 'offer', sdp: 'v=0 offer' } as const;
const ANSWER = { type: 'answer', sdp: 'v=0 answer' } as const;
const cand = (n: number) => ({ candidate: `candidate:${n}`, sdpMid: '0', sdpMLineIndex: 0 });

/** Runs events in order, collecting every effect. */
function run(state: CallState, ...events: CallEvent[]): { state: CallState; effects: CallEffect[] } {
  const effects: CallEffect[] = [];
  for (const e of events) {
    const t = transition(state, e);
    state = t.state;
    effects.push(...t.effects);
  }
  return { state, effects };
}

const sends = (effects: CallEffect[]) =>
  effects.filter((e): e is Extract<CallEffect, { type: 'send' }> => e.type === 'send');

// alice < bob lexicographically
const ALICE = 'a1111';
const BOB = 'b2222';

function outgoing(selfId = ALICE, peerId = BOB) {
  return run(
    initialCallState(selfId),
    { type: 'START', peer: { id: peerId, name: 'Peer' } },
    { type: 'OFFER_READY', offer: OFFER },
  );
}

function incoming(selfId = BOB, from = ALICE, callId = 'c-1') {
  return run(initialCallState(selfId), {
    type: 'REMOTE_OFFER',
    payload: { from, fromName: 'Caller', offer: OFFER, callId },
  });
}

function connecting() {
  const { state } = incoming();
  return run(state, { type: 'ANSWER' });
}

function connected() {
  const { state } = connecting();
  return run(state, { type: 'REMOTE_DESCRIPTION_SET' }, { type: 'CONNECTION_STATE', state: 'connected', at: 1000 });
}

describe('call machine: starting and answering', () => {
  it('a started call prepares an offer, rings and sends call-user once the offer is ready', () => {
    const t1 = transition(initialCallState(ALICE), { type: 'START', peer: { id: BOB, name: 'Bob' }, mode: 'video' });
    expect(t1.state.phase).toBe('outgoing-ringing');
    expect(t1.effects).toEqual([
      { type: 'prepare-offer', mode: 'video' },
      { type: 'ring', tone: 'outgoing' },
      { type: 'timer', name: 'ring', ms: 45_000 },
    ]);
    const t2 = transition(t1.state, { type: 'OFFER_READY', offer: OFFER });
    expect(sends(t2.effects)).toEqual([
      { type: 'send', destination: '/app/call-user', body: { to: BOB, offer: OFFER, mode: 'video' } },
    ]);
  });

  it('local candidates gathered before the offer is sent go out after it, in order', () => {
    const { state, effects } = run(
      initialCallState(ALICE),
      { type: 'START', peer: { id: BOB, name: 'Bob' } },
      { type: 'LOCAL_CANDIDATE', candidate: cand(1) },
      { type: 'LOCAL_CANDIDATE', candidate: cand(2) },
      { type: 'OFFER_READY', offer: OFFER },
      { type: 'LOCAL_CANDIDATE', candidate: cand(3) },
    );
    expect(state.pendingLocalCandidates).toEqual([]);
    expect(sends(effects).map((s) => [s.destination, s.body.candidate ?? null])).toEqual([
      ['/app/call-user', null],
      ['/app/ice-candidate', cand(1)],
      ['/app/ice-candidate', cand(2)],
      ['/app/ice-candidate', cand(3)],
    ]);
  });

  it('an incoming offer rings; Answer accepts the offer and the answer goes back with the callId', () => {
    const { state } = incoming();
    expect(state.phase).toBe('incoming-ringing');
    expect(state.peer).toEqual({ id: ALICE, name: 'Caller' });

    const answered = run(state, { type: 'ANSWER' }, { type: 'ANSWER_READY', answer: ANSWER });
    expect(answered.state.phase).toBe('connecting');
    expect(answered.effects).toContainEqual({ type: 'ring', tone: null });
    expect(answered.effects).toContainEqual({ type: 'accept-offer', offer: OFFER });
    expect(sends(answered.effects)).toEqual([
      { type: 'send', destination: '/app/answer-call', body: { to: ALICE, answer: ANSWER, callId: 'c-1' } },
    ]);
  });

  it('a ringing call prepares its connection for the offer at once, and nothing goes to the caller before Answer', () => {
    const { state, effects } = incoming();
    expect(effects).toContainEqual({ type: 'prepare-answer', offer: OFFER });
    expect(sends(effects)).toEqual([]);

    const prepared = run(state, { type: 'REMOTE_DESCRIPTION_SET' }, { type: 'REMOTE_CANDIDATE', payload: { from: ALICE, candidate: cand(1), callId: 'c-1' } });
    expect(prepared.state.phase).toBe('incoming-ringing');
    expect(prepared.effects).toEqual([{ type: 'add-candidate', candidate: cand(1) }]);

    // the caller dials again: the old connection goes, one for the newer offer is made
    const NEWER = { type: 'offer', sdp: 'v=0 newer' } as const;
    const again = run(prepared.state, { type: 'REMOTE_OFFER', payload: { from: ALICE, fromName: 'Caller', offer: NEWER, callId: 'c-2' } });
    expect(again.effects).toEqual([{ type: 'close' }, { type: 'prepare-answer', offer: NEWER }]);
    expect(again.state.remoteDescriptionSet).toBe(false);
    const buffered = run(again.state, { type: 'REMOTE_CANDIDATE', payload: { from: ALICE, candidate: cand(2), callId: 'c-2' } });
    expect(buffered.effects).toEqual([]);
  });

  it('the caller applies the answer, learns the callId and reaches connected', () => {
    const { state } = outgoing();
    const r = run(
      state,
      { type: 'REMOTE_ANSWER', payload: { from: BOB, answer: ANSWER, callId: 'c-9' } },
      { type: 'REMOTE_DESCRIPTION_SET' },
      { type: 'CONNECTION_STATE', state: 'connected', at: 5000 },
    );
    expect(r.effects).toContainEqual({ type: 'apply-answer', answer: ANSWER });
    expect(r.state.phase).toBe('connected');
    expect(r.state.callId).toBe('c-9');
    expect(r.state.connectedAt).toBe(5000);
    expect(r.state.connectionState).toBe('connected');
  });
});

describe('call machine: ICE candidate buffering', () => {
  it('buffers remote candidates that arrive while ringing and flushes them in order after the remote description is set', () => {
    const { state: ringing } = incoming();
    const buffered = run(
      ringing,
      { type: 'REMOTE_CANDIDATE', payload: { from: ALICE, candidate: cand(1), callId: 'c-1' } },
      { type: 'REMOTE_CANDIDATE', payload: { from: ALICE, candidate: cand(2), callId: 'c-1' } },
      { type: 'ANSWER' },
      { type: 'REMOTE_CANDIDATE', payload: { from: ALICE, candidate: cand(3), callId: 'c-1' } },
    );
    expect(buffered.effects.filter((e) => e.type === 'add-candidate')).toEqual([]);
    expect(buffered.state.pendingRemoteCandidates).toEqual([cand(1), cand(2), cand(3)]);

    const flushed = transition(buffered.state, { type: 'REMOTE_DESCRIPTION_SET' });
    expect(flushed.effects).toEqual([
      { type: 'add-candidate', candidate: cand(1) },
      { type: 'add-candidate', candidate: cand(2) },
      { type: 'add-candidate', candidate: cand(3) },
    ]);
    expect(flushed.state.pendingRemoteCandidates).toEqual([]);

    const later = transition(flushed.state, {
      type: 'REMOTE_CANDIDATE',
      payload: { from: ALICE, candidate: cand(4), callId: 'c-1' },
    });
    expect(later.effects).toEqual([{ type: 'add-candidate', candidate: cand(4) }]);
  });

  it('the caller buffers candidates until the answer is applied', () => {
    const { state } = outgoing();
    const r = run(
      state,
      { type: 'REMOTE_ANSWER', payload: { from: BOB, answer: ANSWER, callId: 'c-9' } },
      { type: 'REMOTE_CANDIDATE', payload: { from: BOB, candidate: cand(1), callId: 'c-9' } },
    );
    expect(r.effects.some((e) => e.type === 'add-candidate')).toBe(false);
    expect(transition(r.state, { type: 'REMOTE_DESCRIPTION_SET' }).effects).toEqual([
      { type: 'add-candidate', candidate: cand(1) },
    ]);
  });

  it('ignores candidates from anyone but the peer', () => {
    const { state } = connected();
    const t = transition(state, { type: 'REMOTE_CANDIDATE', payload: { from: 'intruder', candidate: cand(1) } });
    expect(t.effects).toEqual([]);
  });
});

describe('call machine: glare', () => {
  const bobsOffer = { from: BOB, fromName: 'Bob', offer: OFFER, callId: 'c-bob' };
  const alicesOffer = { from: ALICE, fromName: 'Alice', offer: OFFER, callId: 'c-alice' };

  it('the side with the smaller id keeps its outgoing call and ignores the other offer', () => {
    const { state } = outgoing(ALICE, BOB);
    const r = run(
      state,
      { type: 'REMOTE_OFFER', payload: bobsOffer },
      { type: 'REMOTE_CANDIDATE', payload: { from: BOB, candidate: cand(1), callId: 'c-bob' } },
      { type: 'REMOTE_ENDED', payload: { from: BOB, callId: 'c-bob' } },
    );
    expect(r.state.phase).toBe('outgoing-ringing');
    expect(r.state.direction).toBe('outgoing');
    expect(r.state.pendingRemoteCandidates).toEqual([]);
    expect(r.effects).toEqual([]);

    // Bob then answers Alice's offer as usual.
    const answered = transition(r.state, { type: 'REMOTE_ANSWER', payload: { from: BOB, answer: ANSWER, callId: 'c-alice' } });
    expect(answered.state.phase).toBe('connecting');
  });

  it('the side with the larger id drops its own offer and answers the other one without a prompt', () => {
    const { state } = outgoing(BOB, ALICE);
    const t = transition(state, { type: 'REMOTE_OFFER', payload: alicesOffer });
    expect(t.state.phase).toBe('connecting');
    expect(t.state.direction).toBe('incoming');
    expect(t.state.callId).toBe('c-alice');
    expect(t.effects).toEqual([
      { type: 'ring', tone: null },
      { type: 'timer', name: 'ring', ms: null },
      { type: 'close' },
      { type: 'accept-offer', offer: OFFER },
    ]);
    // It must not tell Alice to end: that would kill the call she keeps.
    expect(sends(t.effects)).toEqual([]);

    const a = transition(t.state, { type: 'ANSWER_READY', answer: ANSWER });
    expect(sends(a.effects)).toEqual([
      { type: 'send', destination: '/app/answer-call', body: { to: ALICE, answer: ANSWER, callId: 'c-alice' } },
    ]);
  });

  it('an offer from a third person during a call is rejected and the call goes on', () => {
    const { state } = connected();
    const t = transition(state, {
      type: 'REMOTE_OFFER',
      payload: { from: 'carol', fromName: 'Carol', offer: OFFER, callId: 'c-carol' },
    });
    expect(t.state).toBe(state);
    expect(sends(t.effects)).toEqual([
      { type: 'send', destination: '/app/reject-call', body: { to: 'carol', callId: 'c-carol' } },
    ]);
  });
});

describe('call machine: hang-up from every state', () => {
  const cleanup: CallEffect[] = [
    { type: 'ring', tone: null },
    { type: 'timer', name: 'ring', ms: null },
    { type: 'timer', name: 'failure', ms: null },
    { type: 'timer', name: 'rejoin', ms: null },
    { type: 'close' },
  ];

  it('outgoing-ringing sends end-call to the callee', () => {
    const { state } = outgoing();
    const t = transition(state, { type: 'HANG_UP' });
    expect(t.state.phase).toBe('ended');
    expect(t.state.endReason).toBe('hung-up');
    expect(t.effects).toEqual([{ type: 'send', destination: '/app/end-call', body: { to: BOB } }, ...cleanup]);
  });

  it('incoming-ringing declines with reject-call', () => {
    const { state } = incoming();
    const t = transition(state, { type: 'HANG_UP' });
    expect(t.state.phase).toBe('ended');
    expect(t.state.endReason).toBe('declined-by-me');
    expect(t.effects).toEqual([
      { type: 'send', destination: '/app/reject-call', body: { to: ALICE, callId: 'c-1' } },
      ...cleanup,
    ]);
  });

  it('connecting sends end-call with the callId', () => {
    const { state } = connecting();
    const t = transition(state, { type: 'HANG_UP' });
    expect(t.state.phase).toBe('ended');
    expect(t.effects).toEqual([
      { type: 'send', destination: '/app/end-call', body: { to: ALICE, callId: 'c-1' } },
      ...cleanup,
    ]);
  });

  it('connected sends end-call with the callId', () => {
    const { state } = connected();
    expect(state.phase).toBe('connected');
    const t = transition(state, { type: 'HANG_UP' });
    expect(t.state.phase).toBe('ended');
    expect(t.state.endReason).toBe('hung-up');
    expect(t.effects).toEqual([
      { type: 'send', destination: '/app/end-call', body: { to: ALICE, callId: 'c-1' } },
      ...cleanup,
    ]);
  });

  it('hang-up when idle or ended does nothing', () => {
    expect(transition(initialCallState(ALICE), { type: 'HANG_UP' }).effects).toEqual([]);
    const { state } = run(outgoing().state, { type: 'HANG_UP' });
    expect(transition(state, { type: 'HANG_UP' }).effects).toEqual([]);
  });

  it('dismissing an ended call goes back to idle', () => {
    const { state } = run(outgoing().state, { type: 'HANG_UP' }, { type: 'DISMISS' });
    expect(state).toEqual(initialCallState(ALICE));
  });
});

describe('call machine: the other side ends it', () => {
  it.each([
    ['offline', 'offline'],
    ['busy', 'busy'],
    ['no-answer', 'no-answer'],
  ] as const)('call-failed %s ends the outgoing call with that reason and sends nothing', (reason, expected) => {
    const { state } = outgoing();
    const t = transition(state, { type: 'CALL_FAILED', payload: { to: BOB, reason } });
    expect(t.state.phase).toBe('ended');
    expect(t.state.endReason).toBe(expected);
    expect(sends(t.effects)).toEqual([]);
    expect(t.effects).toContainEqual({ type: 'close' });
    expect(endMessage(t.state)).toMatch({ offline: /offline/, busy: /another call/, 'no-answer': /did not answer/ }[reason]);
  });

  it('call-rejected ends the outgoing call as declined', () => {
    const { state } = outgoing();
    const t = transition(state, { type: 'REMOTE_REJECTED', payload: { from: BOB } });
    expect(t.state.endReason).toBe('declined');
    expect(t.effects).toContainEqual({ type: 'ring', tone: null });
    expect(sends(t.effects)).toEqual([]);
  });

  it('call-rejected from someone else is ignored', () => {
    const { state } = outgoing();
    expect(transition(state, { type: 'REMOTE_REJECTED', payload: { from: 'carol' } }).state).toBe(state);
  });

  it('answered-elsewhere stops the ringing for that call only', () => {
    const { state } = incoming();
    expect(transition(state, { type: 'ANSWERED_ELSEWHERE', payload: { callId: 'other' } }).state.phase).toBe(
      'incoming-ringing',
    );
    const t = transition(state, { type: 'ANSWERED_ELSEWHERE', payload: { callId: 'c-1' } });
    expect(t.state.phase).toBe('ended');
    expect(t.state.endReason).toBe('answered-elsewhere');
    expect(t.effects).toContainEqual({ type: 'ring', tone: null });
    expect(sends(t.effects)).toEqual([]);
  });

  it('call-ended while ringing is a missed call; while connected the peer hung up', () => {
    expect(transition(incoming().state, { type: 'REMOTE_ENDED', payload: { from: ALICE, callId: 'c-1' } }).state.endReason).toBe(
      'missed',
    );
    const t = transition(connected().state, { type: 'REMOTE_ENDED', payload: { from: ALICE, callId: 'c-1' } });
    expect(t.state.endReason).toBe('remote-hung-up');
    expect(sends(t.effects)).toEqual([]);
  });

  it('the peer going offline mid-call does not end it: the call waits for the peer to rejoin', () => {
    const t = transition(connected().state, { type: 'PEER_OFFLINE', userId: ALICE });
    expect(t.state.phase).toBe('connected');
    expect(t.effects).toEqual([]);
  });

  it('the callee going offline while it rings ends the call cleanly', () => {
    const t = transition(outgoing().state, { type: 'PEER_OFFLINE', userId: BOB });
    expect(t.state.phase).toBe('ended');
    expect(t.state.endReason).toBe('peer-left');
    expect(t.effects).toContainEqual({ type: 'close' });
  });

  it('no answer within the ring timeout hangs up and says so', () => {
    const t = transition(outgoing().state, { type: 'RING_TIMEOUT' });
    expect(t.state.endReason).toBe('no-answer');
    expect(sends(t.effects)).toEqual([{ type: 'send', destination: '/app/end-call', body: { to: BOB } }]);
  });
});

describe('call machine: connection failure', () => {
  function callerConnected() {
    const { state } = outgoing();
    return run(
      state,
      { type: 'REMOTE_ANSWER', payload: { from: BOB, answer: ANSWER, callId: 'c-9' } },
      { type: 'REMOTE_DESCRIPTION_SET' },
      { type: 'CONNECTION_STATE', state: 'connected', at: 1 },
    ).state;
  }

  it('the caller restarts ICE with a new offer, then gives up with a network message', () => {
    let state = callerConnected();
    for (let i = 0; i < MAX_ICE_RESTARTS; i++) {
      const t = run(state, { type: 'CONNECTION_STATE', state: 'failed', at: 2 }, { type: 'OFFER_READY', offer: OFFER });
      expect(t.effects).toContainEqual({ type: 'restart-ice' });
      expect(sends(t.effects)).toEqual([
        { type: 'send', destination: '/app/call-user', body: { to: BOB, offer: OFFER, mode: 'video', callId: 'c-9' } },
      ]);
      expect(t.state.phase).toBe('connected');
      state = t.state;
    }
    const last = transition(state, { type: 'CONNECTION_STATE', state: 'failed', at: 3 });
    expect(last.state.phase).toBe('ended');
    expect(last.state.endReason).toBe('network');
    expect(endMessage(last.state)).toMatch(/TURN/);
    expect(sends(last.effects)).toEqual([
      { type: 'send', destination: '/app/end-call', body: { to: BOB, callId: 'c-9' } },
    ]);
  });

  it('the callee answers a restart offer from the peer', () => {
    const t = transition(connected().state, {
      type: 'REMOTE_OFFER',
      payload: { from: ALICE, fromName: 'Caller', offer: OFFER, callId: 'c-1' },
    });
    expect(t.effects).toEqual([{ type: 'apply-renegotiation-offer', offer: OFFER, polite: true }]);
    expect(t.state.phase).toBe('connected');
  });

  it('the callee restarts ICE too, and its offer goes out with the call id', () => {
    const t = run(connected().state, { type: 'CONNECTION_STATE', state: 'failed', at: 2 }, { type: 'OFFER_READY', offer: OFFER });
    expect(t.effects).toContainEqual({ type: 'restart-ice' });
    expect(sends(t.effects)).toEqual([
      { type: 'send', destination: '/app/call-user', body: { to: ALICE, offer: OFFER, mode: 'video', callId: 'c-1' } },
    ]);
    expect(t.state.reconnecting).toBe(true);
  });

  it('a disconnected connection that does not recover is restarted after a short wait', () => {
    const d = transition(connected().state, { type: 'CONNECTION_STATE', state: 'disconnected', at: 2 });
    expect(d.effects).toEqual([{ type: 'timer', name: 'failure', ms: DISCONNECTED_GRACE_MS }]);
    expect(DISCONNECTED_GRACE_MS).toBeLessThanOrEqual(3_000);
    expect(transition(d.state, { type: 'FAILURE_TIMEOUT' }).effects).toContainEqual({ type: 'restart-ice' });
  });

  it('in a glare of restarts the caller is impolite and the callee polite', () => {
    const caller = callerConnected();
    const atCaller = transition(caller, { type: 'REMOTE_OFFER', payload: { from: BOB, fromName: 'B', offer: OFFER, callId: 'c-9' } });
    expect(atCaller.effects).toEqual([{ type: 'apply-renegotiation-offer', offer: OFFER, polite: false }]);
    const atCallee = transition(connected().state, {
      type: 'REMOTE_OFFER',
      payload: { from: ALICE, fromName: 'A', offer: OFFER, callId: 'c-1' },
    });
    expect(atCallee.effects).toEqual([{ type: 'apply-renegotiation-offer', offer: OFFER, polite: true }]);
  });

  it('the callee takes the answer to its own restart offer', () => {
    const t = transition(connected().state, { type: 'REMOTE_ANSWER', payload: { from: ALICE, answer: ANSWER, callId: 'c-1' } });
    expect(t.effects).toEqual([{ type: 'apply-answer', answer: ANSWER }]);
  });

  it('the callee does not hang forever when the connection stays failed', () => {
    let state = connected().state;
    state = transition(state, { type: 'CONNECTION_STATE', state: 'failed', at: 2 }).state;
    for (let i = 0; i < MAX_ICE_RESTARTS - 1; i++) state = transition(state, { type: 'FAILURE_TIMEOUT' }).state;
    expect(state.phase).toBe('connected');
    const t = transition(state, { type: 'FAILURE_TIMEOUT' });
    expect(t.state.phase).toBe('ended');
    expect(t.state.endReason).toBe('network');
  });

  it('recovering to connected clears the failure timer', () => {
    const failed = transition(connected().state, { type: 'CONNECTION_STATE', state: 'disconnected', at: 2 });
    expect(failed.effects).toContainEqual({ type: 'timer', name: 'failure', ms: expect.any(Number) });
    const ok = transition(failed.state, { type: 'CONNECTION_STATE', state: 'connected', at: 3 });
    expect(ok.effects).toEqual([{ type: 'timer', name: 'failure', ms: null }]);
    expect(ok.state.connectedAt).toBe(1000);
  });
});

describe('call machine: a dropped connection does not end the call', () => {
  // BOB is the callee in call c-1 with ALICE (see connected())
  const away = { from: ALICE, callId: 'c-1' };

  it('an answered call is kept for a reload; a ringing one is not', () => {
    expect(savedCall(connected().state)).toEqual({
      selfId: BOB,
      callId: 'c-1',
      peer: { id: ALICE, name: 'Caller' },
      mode: 'video',
      direction: 'incoming',
    });
    expect(savedCall(incoming().state)).toBeNull();
    expect(savedCall(outgoing().state)).toBeNull();
    expect(savedCall(transition(connected().state, { type: 'HANG_UP' }).state)).toBeNull();
  });

  it('the other side shows Reconnecting while the peer is away, keeps the connection and does not restart ICE', () => {
    const t = transition(connected().state, { type: 'PEER_INTERRUPTED', payload: away });
    expect(t.state.peerAway).toBe(true);
    expect(t.state.reconnecting).toBe(true);
    expect(t.state.phase).toBe('connected');
    expect(t.effects).not.toContainEqual({ type: 'close' });
    expect(t.effects).toContainEqual({ type: 'timer', name: 'rejoin', ms: REJOIN_WAIT_MS });
    const failed = run(t.state, { type: 'CONNECTION_STATE', state: 'failed', at: 5 }, { type: 'FAILURE_TIMEOUT' });
    expect(failed.state.phase).toBe('connected');
    expect(failed.effects).not.toContainEqual({ type: 'restart-ice' });
    expect(sends(failed.effects)).toEqual([]);
  });

  it('an interruption of another call, or from someone else, is ignored', () => {
    expect(transition(connected().state, { type: 'PEER_INTERRUPTED', payload: { from: ALICE, callId: 'other' } }).state.peerAway).toBeFalsy();
    expect(transition(connected().state, { type: 'PEER_INTERRUPTED', payload: { from: 'x', callId: 'c-1' } }).state.peerAway).toBeFalsy();
    expect(transition(incoming().state, { type: 'PEER_INTERRUPTED', payload: away }).state.peerAway).toBeFalsy();
  });

  it('when the peer rejoins, this side renews the connection with an offer in the same call', () => {
    const interrupted = transition(connected().state, { type: 'PEER_INTERRUPTED', payload: away }).state;
    const t = run(interrupted, { type: 'PEER_REJOINED', payload: away }, { type: 'OFFER_READY', offer: OFFER });
    expect(t.effects).toContainEqual({ type: 'renew-offer' });
    expect(t.effects).toContainEqual({ type: 'timer', name: 'rejoin', ms: null });
    expect(sends(t.effects)).toEqual([
      { type: 'send', destination: '/app/call-user', body: { to: ALICE, offer: OFFER, mode: 'video', callId: 'c-1' } },
    ]);
    expect(t.state.peerAway).toBe(false);
    expect(t.state.reconnecting).toBe(true);
    const back = run(
      t.state,
      { type: 'REMOTE_ANSWER', payload: { from: ALICE, answer: ANSWER, callId: 'c-1' } },
      { type: 'REMOTE_DESCRIPTION_SET' },
      { type: 'CONNECTION_STATE', state: 'connected', at: 9 },
    );
    expect(back.effects).toContainEqual({ type: 'apply-answer', answer: ANSWER });
    expect(back.state.reconnecting).toBe(false);
    expect(back.state.connectedAt).toBe(1000);
  });

  it('a reloaded page restores the call and, once its socket is up, rejoins and answers the peer on a fresh connection', () => {
    const saved = savedCall(connected().state)!;
    const restored = transition(initialCallState(BOB), { type: 'RESTORE', saved });
    expect(restored.state.phase).toBe('connecting');
    expect(restored.state.callId).toBe('c-1');
    expect(restored.state.reconnecting).toBe(true);
    expect(sends(restored.effects)).toEqual([]);

    const online = transition(restored.state, { type: 'SOCKET_CONNECTED' });
    expect(sends(online.effects)).toEqual([{ type: 'send', destination: '/app/rejoin-call', body: { callId: 'c-1' } }]);
    expect(online.state.rejoining).toBe(true);

    const offered = transition(online.state, {
      type: 'REMOTE_OFFER',
      payload: { from: ALICE, fromName: 'Caller', offer: OFFER, callId: 'c-1' },
    });
    expect(offered.effects).toContainEqual({ type: 'renew-answer', offer: OFFER });
    expect(offered.state.rejoining).toBe(false);
    const answered = transition(offered.state, { type: 'ANSWER_READY', answer: ANSWER });
    expect(sends(answered.effects)).toEqual([
      { type: 'send', destination: '/app/answer-call', body: { to: ALICE, answer: ANSWER, callId: 'c-1' } },
    ]);
  });

  it('a restored caller sends its candidates at once (its first offer went out before the reload)', () => {
    const caller = run(
      outgoing().state,
      { type: 'REMOTE_ANSWER', payload: { from: BOB, answer: ANSWER, callId: 'c-7' } },
      { type: 'CONNECTION_STATE', state: 'connected', at: 1 },
    ).state;
    const restored = run(initialCallState(ALICE), { type: 'RESTORE', saved: savedCall(caller)! }, { type: 'SOCKET_CONNECTED' });
    const t = transition(restored.state, { type: 'LOCAL_CANDIDATE', candidate: cand(1) });
    expect(sends(t.effects)).toEqual([
      { type: 'send', destination: '/app/ice-candidate', body: { to: BOB, candidate: cand(1), callId: 'c-7' } },
    ]);
  });

  it('a saved call of another user is not restored', () => {
    const saved = { ...savedCall(connected().state)!, selfId: 'someone-else' };
    expect(transition(initialCallState(BOB), { type: 'RESTORE', saved }).state.phase).toBe('idle');
  });

  it('a socket that reconnects mid-call rejoins; a lost socket does not end the call', () => {
    const lost = transition(connected().state, { type: 'SOCKET_LOST' });
    expect(lost.state.phase).toBe('connected');
    expect(lost.state.reconnecting).toBe(true);
    const back = transition(lost.state, { type: 'SOCKET_CONNECTED' });
    expect(sends(back.effects)).toEqual([{ type: 'send', destination: '/app/rejoin-call', body: { callId: 'c-1' } }]);
    // no call, or one still ringing: nothing to rejoin
    expect(transition(initialCallState(BOB), { type: 'SOCKET_CONNECTED' }).effects).toEqual([]);
    expect(transition(incoming().state, { type: 'SOCKET_CONNECTED' }).effects).toEqual([]);
  });

  it('no rejoin in time: the server says dropped, in plain words, and it is not a hang-up', () => {
    const interrupted = transition(connected().state, { type: 'PEER_INTERRUPTED', payload: away }).state;
    const t = transition(interrupted, { type: 'REMOTE_ENDED', payload: { from: ALICE, callId: 'c-1', reason: 'dropped' } });
    expect(t.state.phase).toBe('ended');
    expect(t.state.endReason).toBe('dropped');
    expect(endMessage(t.state)).toBe('The call dropped: the connection to Caller was lost and did not come back.');
    expect(t.effects).toContainEqual({ type: 'close' });
  });

  it('a refused rejoin (the call ended meanwhile) ends the call as dropped; our own wait gives up too', () => {
    const online = run(initialCallState(BOB), { type: 'RESTORE', saved: savedCall(connected().state)! }, { type: 'SOCKET_CONNECTED' });
    expect(transition(online.state, { type: 'REJOIN_REFUSED' }).state.endReason).toBe('dropped');
    expect(transition(online.state, { type: 'REJOIN_TIMEOUT' }).state.endReason).toBe('dropped');
    // not while connected as normal
    expect(transition(connected().state, { type: 'REJOIN_TIMEOUT' }).state.phase).toBe('connected');
    expect(transition(connected().state, { type: 'REJOIN_REFUSED' }).state.phase).toBe('connected');
  });
});
