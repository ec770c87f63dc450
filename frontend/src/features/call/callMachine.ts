/**
 * The video-call state machine: pure, no browser APIs. `transition(state, event)`
 * returns the next state and the effects the controller must carry out (signals to
 * send, RTCPeerConnection work, ringing, timers). See callController.ts for the
 * thin part that talks to WebRTC.
 *
 *   idle ─START──────────▶ outgoing-ringing ─REMOTE_ANSWER─▶ connecting ─connected─▶ connected
 *   idle ─REMOTE_OFFER───▶ incoming-ringing ─ANSWER────────▶ connecting
 *   any active ─HANG_UP / remote end / failure / timeout──▶ ended ─DISMISS─▶ idle
 *
 * While an incoming call rings, the peer connection for its offer is made (`prepare-answer`) so that answering only
 * has to open the camera and answer; nothing reaches the caller, and no device opens, before the user answers.
 *
 * An answered call survives a dropped connection. The side that dropped comes back by itself: after a page reload
 * the call is RESTOREd from sessionStorage, and on every new socket (SOCKET_CONNECTED) it sends `rejoin-call` and
 * waits (`rejoining`) for the other side's offer, which it answers on a fresh peer connection. The other side shows
 * "Reconnecting…" on `call-interrupted` (PEER_INTERRUPTED), keeping the frozen remote picture, and on
 * `call-rejoined` (PEER_REJOINED) offers on a fresh peer connection of its own. No rejoin in time: the server ends
 * the call with reason `dropped`. While both sockets stay up, either side restarts ICE when the connection fails or
 * stays disconnected, with the perfect-negotiation pattern (the callee is polite) so that two restarts at once end
 * in one negotiation.
 */
import type {
  CallAnsweredElsewherePayload,
  CallAnsweredPayload,
  CallFailedPayload,
  CallMadePayload,
  CallPeerPayload,
  IceCandidate,
  IceCandidatePayload,
  SessionDescription,
} from '../../api/types';
import { connectFailureMessage, type ConnectFailure } from './connectFailure';
import { t } from '../../i18n/i18n';

export type CallPhase = 'idle' | 'outgoing-ringing' | 'incoming-ringing' | 'connecting' | 'connected' | 'ended';

export type EndReason =
  | 'hung-up' // we hung up
  | 'declined-by-me' // we declined an incoming call
  | 'remote-hung-up'
  | 'declined' // the callee declined
  | 'offline'
  | 'busy'
  | 'no-answer' // our ring timeout
  | 'missed' // an incoming call stopped ringing unanswered
  | 'answered-elsewhere'
  | 'network' // ICE failed for good
  | 'peer-left' // the peer went offline mid-call
  | 'media-error'
  | 'signaling-error'
  | 'connect-failed' // no connection could be set up (endDetail: a ConnectFailure from connectFailure.ts)
  | 'dropped'; // a connection dropped and did not come back in time

export interface Peer {
  id: string;
  name: string;
}

export type ConnectionState = RTCPeerConnectionState;

export interface CallState {
  phase: CallPhase;
  selfId: string;
  peer: Peer | null;
  direction: 'outgoing' | 'incoming' | null;
  /** The server's id for this call; the caller learns it with the answer. */
  callId: string | null;
  mode: string;
  /** The offer of a ringing incoming call, kept until the user answers. */
  remoteOffer: SessionDescription | null;
  remoteDescriptionSet: boolean;
  /** Remote ICE candidates that arrived before the remote description was set, in order. */
  pendingRemoteCandidates: IceCandidate[];
  /** Whether our offer has gone out; local candidates wait for it. */
  offerSent: boolean;
  pendingLocalCandidates: IceCandidate[];
  /** Call ids whose signals we drop (the peer's offer that lost a glare). */
  ignoredCallIds: string[];
  connectionState: ConnectionState;
  restartAttempts: number;
  connectedAt: number | null;
  endReason: EndReason | null;
  endDetail: string | null;
  /** The appointment whose visit this call is (the doctor admitted the patient), sent with the offer. */
  appointmentId?: string | null;
  /** The peer's connection dropped (`call-interrupted`): we wait for them to rejoin. */
  peerAway?: boolean;
  /** We came back (reloaded page, new socket) and sent `rejoin-call`: the peer's offer renews the connection. */
  rejoining?: boolean;
  /** A rejoin or ICE restart is under way: the screen says "Reconnecting…" until media flows again. */
  reconnecting?: boolean;
}

/** What a page keeps in sessionStorage of an answered call, to rejoin it after a reload. */
export interface SavedCall {
  selfId: string;
  callId: string;
  peer: Peer;
  mode: string;
  direction: 'outgoing' | 'incoming';
}

/** The answered call to keep across a reload, or null when there is none. */
export function savedCall(state: CallState): SavedCall | null {
  if ((state.phase !== 'connecting' && state.phase !== 'connected') || !state.callId || !state.peer || !state.direction) {
    return null;
  }
  return { selfId: state.selfId, callId: state.callId, peer: state.peer, mode: state.mode, direction: state.direction };
}

/** The callee gives way when both sides send an offer at once (perfect negotiation). */
export function isPolite(state: Pick<CallState, 'direction'>): boolean {
  return state.direction === 'incoming';
}

export type CallEvent =
  | { type: 'START'; peer: Peer; mode?: string; appointmentId?: string }
  | { type: 'OFFER_READY'; offer: SessionDescription }
  | { type: 'LOCAL_CANDIDATE'; candidate: IceCandidate }
  | { type: 'REMOTE_OFFER'; payload: CallMadePayload }
  | { type: 'ANSWER' }
  | { type: 'ANSWER_READY'; answer: SessionDescription }
  | { type: 'REMOTE_ANSWER'; payload: CallAnsweredPayload }
  | { type: 'REMOTE_DESCRIPTION_SET' }
  | { type: 'REMOTE_CANDIDATE'; payload: IceCandidatePayload }
  | { type: 'HANG_UP' }
  | { type: 'REMOTE_REJECTED'; payload: CallPeerPayload }
  | { type: 'REMOTE_ENDED'; payload: CallPeerPayload }
  | { type: 'CALL_FAILED'; payload: CallFailedPayload }
  | { type: 'ANSWERED_ELSEWHERE'; payload: CallAnsweredElsewherePayload }
  | { type: 'CONNECTION_STATE'; state: ConnectionState; at: number }
  | { type: 'RING_TIMEOUT' }
  | { type: 'FAILURE_TIMEOUT' }
  | { type: 'PEER_OFFLINE'; userId: string }
  | { type: 'MEDIA_ERROR'; message: string }
  | { type: 'SIGNALING_ERROR'; message: string }
  | { type: 'CONNECT_FAILED'; reason: ConnectFailure }
  | { type: 'RESTORE'; saved: SavedCall }
  | { type: 'SOCKET_LOST' }
  | { type: 'SOCKET_CONNECTED' }
  | { type: 'PEER_INTERRUPTED'; payload: CallPeerPayload }
  | { type: 'PEER_REJOINED'; payload: CallPeerPayload }
  | { type: 'REJOIN_REFUSED' }
  | { type: 'REJOIN_TIMEOUT' }
  | { type: 'DISMISS' };

export type TimerName = 'ring' | 'failure' | 'rejoin';
export type RingTone = 'incoming' | 'outgoing' | null;

export type CallEffect =
  /** Create the peer connection, get local media, create and set an offer → OFFER_READY. */
  | { type: 'prepare-offer'; mode: string }
  /**
   * While it rings: the peer connection for this offer, its remote description set (→ REMOTE_DESCRIPTION_SET). No
   * device is opened and nothing is sent or gathered: that waits for `accept-offer`.
   */
  | { type: 'prepare-answer'; offer: SessionDescription }
  /**
   * The connection `prepare-answer` made for this offer (or a new one with the offer set, → REMOTE_DESCRIPTION_SET),
   * local media, an answer → ANSWER_READY.
   */
  | { type: 'accept-offer'; offer: SessionDescription }
  /** Set the remote answer → REMOTE_DESCRIPTION_SET. */
  | { type: 'apply-answer'; answer: SessionDescription }
  /**
   * A new offer mid-call (ICE restart by the peer): set it → REMOTE_DESCRIPTION_SET, answer → ANSWER_READY. On a
   * collision with our own offer the impolite side ignores it and the polite side rolls its own back.
   */
  | { type: 'apply-renegotiation-offer'; offer: SessionDescription; polite: boolean }
  /** After a rejoin: a fresh peer connection (keeping local media and the frozen remote picture), offer → OFFER_READY. */
  | { type: 'renew-offer' }
  /** After our rejoin: a fresh peer connection for the peer's offer (→ REMOTE_DESCRIPTION_SET), answer → ANSWER_READY. */
  | { type: 'renew-answer'; offer: SessionDescription }
  | { type: 'add-candidate'; candidate: IceCandidate }
  /** restartIce() and a new offer → OFFER_READY. */
  | { type: 'restart-ice' }
  | { type: 'send'; destination: string; body: Record<string, unknown> }
  | { type: 'ring'; tone: RingTone }
  /** Start (ms) or clear (null) a named timer; it fires RING_TIMEOUT / FAILURE_TIMEOUT. */
  | { type: 'timer'; name: TimerName; ms: number | null }
  /** Close the peer connection and stop local media. */
  | { type: 'close' };

export interface Transition {
  state: CallState;
  effects: CallEffect[];
}

export const RING_TIMEOUT_MS = 45_000;
/** The callee waits a little longer than the caller, whose own timeout ends the call for both. */
export const INCOMING_RING_TIMEOUT_MS = 50_000;
export const RESTART_TIMEOUT_MS = 15_000;
/** A connection `disconnected` this long is restarted (it often recovers by itself within a second or two). */
export const DISCONNECTED_GRACE_MS = 2_500;
/**
 * How long a side waits for the other to come back, or for its own rejoin to be taken up, before it gives the call
 * up by itself; the server's `rejoin-grace` (30 s) normally ends it first with reason `dropped`.
 */
export const REJOIN_WAIT_MS = 40_000;
export const MAX_ICE_RESTARTS = 2;

export const Signals = {
  callUser: '/app/call-user',
  answerCall: '/app/answer-call',
  iceCandidate: '/app/ice-candidate',
  rejectCall: '/app/reject-call',
  endCall: '/app/end-call',
  rejoinCall: '/app/rejoin-call',
} as const;

export function initialCallState(selfId: string): CallState {
  return {
    phase: 'idle',
    selfId,
    peer: null,
    direction: null,
    callId: null,
    mode: 'video',
    remoteOffer: null,
    remoteDescriptionSet: false,
    pendingRemoteCandidates: [],
    offerSent: false,
    pendingLocalCandidates: [],
    ignoredCallIds: [],
    connectionState: 'new',
    restartAttempts: 0,
    connectedAt: null,
    endReason: null,
    endDetail: null,
  };
}

export function isActive(state: CallState): boolean {
  return state.phase !== 'idle' && state.phase !== 'ended';
}

/** Whether `a` wins a glare against `b`: the lexicographically smaller id keeps its outgoing call. */
export function keepsOutgoingCall(selfId: string, peerId: string): boolean {
  return selfId < peerId;
}

const stay = (state: CallState): Transition => ({ state, effects: [] });

function withCallId(body: Record<string, unknown>, callId: string | null): Record<string, unknown> {
  return callId ? { ...body, callId } : body;
}

/** A frame to the peer on a signalling destination, carrying the call's id once there is one. */
function signal(destination: string, body: Record<string, unknown>, callId: string | null): CallEffect {
  return { type: 'send', destination, body: withCallId(body, callId) };
}

function end(state: CallState, reason: EndReason, signal?: CallEffect, detail?: string): Transition {
  const effects: CallEffect[] = [];
  if (signal) effects.push(signal);
  effects.push(
    { type: 'ring', tone: null },
    { type: 'timer', name: 'ring', ms: null },
    { type: 'timer', name: 'failure', ms: null },
    { type: 'timer', name: 'rejoin', ms: null },
    { type: 'close' },
  );
  return {
    state: {
      ...state,
      phase: 'ended',
      endReason: reason,
      endDetail: detail ?? null,
      remoteOffer: null,
      pendingRemoteCandidates: [],
      pendingLocalCandidates: [],
      connectionState: state.connectionState === 'new' ? 'new' : 'closed',
      peerAway: false,
      rejoining: false,
      reconnecting: false,
    },
    effects,
  };
}

function endCallSignal(state: CallState): CallEffect {
  return signal(Signals.endCall, { to: state.peer!.id }, state.callId);
}

function fromPeer(state: CallState, from: string | undefined): boolean {
  return !!state.peer && state.peer.id === from;
}

export function transition(state: CallState, event: CallEvent): Transition {
  switch (event.type) {
    case 'START': {
      if (isActive(state)) return stay(state);
      const mode = event.mode ?? 'video';
      return {
        state: {
          ...initialCallState(state.selfId),
          phase: 'outgoing-ringing',
          peer: event.peer,
          direction: 'outgoing',
          mode,
          appointmentId: event.appointmentId ?? null,
        },
        effects: [
          { type: 'prepare-offer', mode },
          { type: 'ring', tone: 'outgoing' },
          { type: 'timer', name: 'ring', ms: RING_TIMEOUT_MS },
        ],
      };
    }

    case 'OFFER_READY': {
      const peerId = state.peer?.id;
      if (!peerId) return stay(state);
      if (state.phase === 'outgoing-ringing' && !state.offerSent) {
        const effects: CallEffect[] = [
          {
            type: 'send',
            destination: Signals.callUser,
            body: { to: peerId, offer: event.offer, mode: state.mode, ...(state.appointmentId ? { appointmentId: state.appointmentId } : {}) },
          },
          ...state.pendingLocalCandidates.map(
            (candidate): CallEffect => ({ type: 'send', destination: Signals.iceCandidate, body: { to: peerId, candidate } }),
          ),
        ];
        return { state: { ...state, offerSent: true, pendingLocalCandidates: [] }, effects };
      }
      if ((state.phase === 'connecting' || state.phase === 'connected') && state.callId) {
        // An ICE-restart or renewal offer, from either side: the answer comes back on call-answered.
        return {
          state: { ...state, remoteDescriptionSet: false },
          effects: [signal(Signals.callUser, { to: peerId, offer: event.offer, mode: state.mode }, state.callId)],
        };
      }
      return stay(state);
    }

    case 'LOCAL_CANDIDATE': {
      if (!isActive(state) || !state.peer) return stay(state);
      if (state.direction === 'outgoing' && !state.offerSent) {
        return { state: { ...state, pendingLocalCandidates: [...state.pendingLocalCandidates, event.candidate] }, effects: [] };
      }
      return { state, effects: [signal(Signals.iceCandidate, { to: state.peer.id, candidate: event.candidate }, state.callId)] };
    }

    case 'REMOTE_OFFER': {
      const p = event.payload;
      if (!isActive(state)) {
        return {
          state: {
            ...initialCallState(state.selfId),
            phase: 'incoming-ringing',
            peer: { id: p.from, name: p.fromName || t('callEnd.someone') },
            direction: 'incoming',
            callId: p.callId,
            mode: p.mode ?? 'video',
            remoteOffer: p.offer,
          },
          effects: [
            { type: 'ring', tone: 'incoming' },
            { type: 'timer', name: 'ring', ms: INCOMING_RING_TIMEOUT_MS },
            { type: 'prepare-answer', offer: p.offer },
          ],
        };
      }
      if (!fromPeer(state, p.from)) {
        // Already in a call with someone else: turn the newcomer away.
        return { state, effects: [{ type: 'send', destination: Signals.rejectCall, body: { to: p.from, callId: p.callId } }] };
      }
      if (state.phase === 'outgoing-ringing') {
        // Glare: we both called each other.
        if (keepsOutgoingCall(state.selfId, p.from)) {
          return {
            state: {
              ...state,
              ignoredCallIds: [...state.ignoredCallIds, p.callId],
              pendingRemoteCandidates: state.pendingRemoteCandidates,
            },
            effects: [],
          };
        }
        // We drop our own offer and answer theirs. Candidates buffered so far belong to their offer.
        return {
          state: {
            ...state,
            phase: 'connecting',
            direction: 'incoming',
            callId: p.callId,
            remoteOffer: null,
            remoteDescriptionSet: false,
            offerSent: false,
            pendingLocalCandidates: [],
          },
          effects: [
            { type: 'ring', tone: null },
            { type: 'timer', name: 'ring', ms: null },
            { type: 'close' },
            { type: 'accept-offer', offer: p.offer },
          ],
        };
      }
      if (state.phase === 'incoming-ringing') {
        // The caller dialled again: ring on with the newer offer, on a connection made for it.
        return {
          state: { ...state, callId: p.callId, remoteOffer: p.offer, remoteDescriptionSet: false, pendingRemoteCandidates: [] },
          effects: [{ type: 'close' }, { type: 'prepare-answer', offer: p.offer }],
        };
      }
      if (state.callId && p.callId && p.callId !== state.callId) return stay(state);
      if (state.rejoining) {
        // We came back: the peer offers on a fresh connection, and so do we.
        return {
          state: { ...state, rejoining: false, peerAway: false, remoteDescriptionSet: false, pendingRemoteCandidates: [] },
          effects: [{ type: 'timer', name: 'rejoin', ms: null }, { type: 'renew-answer', offer: p.offer }],
        };
      }
      // connecting / connected: the peer restarts ICE with a fresh offer.
      return {
        state: { ...state, callId: p.callId ?? state.callId, remoteDescriptionSet: false, reconnecting: true },
        effects: [{ type: 'apply-renegotiation-offer', offer: p.offer, polite: isPolite(state) }],
      };
    }

    case 'ANSWER': {
      if (state.phase !== 'incoming-ringing' || !state.remoteOffer) return stay(state);
      return {
        state: { ...state, phase: 'connecting', remoteOffer: null },
        effects: [
          { type: 'ring', tone: null },
          { type: 'timer', name: 'ring', ms: null },
          { type: 'accept-offer', offer: state.remoteOffer },
        ],
      };
    }

    case 'ANSWER_READY': {
      if ((state.phase !== 'connecting' && state.phase !== 'connected') || !state.peer) return stay(state);
      return { state, effects: [signal(Signals.answerCall, { to: state.peer.id, answer: event.answer }, state.callId)] };
    }

    case 'REMOTE_ANSWER': {
      const p = event.payload;
      if (!fromPeer(state, p.from)) return stay(state);
      if (state.phase === 'outgoing-ringing' && state.direction === 'outgoing') {
        return {
          state: { ...state, phase: 'connecting', callId: p.callId ?? state.callId },
          effects: [
            { type: 'ring', tone: null },
            { type: 'timer', name: 'ring', ms: null },
            { type: 'apply-answer', answer: p.answer },
          ],
        };
      }
      if (state.phase === 'connecting' || state.phase === 'connected') {
        return {
          state: { ...state, callId: p.callId ?? state.callId },
          effects: [{ type: 'apply-answer', answer: p.answer }],
        };
      }
      return stay(state);
    }

    case 'REMOTE_DESCRIPTION_SET': {
      if (!isActive(state)) return stay(state);
      return {
        state: { ...state, remoteDescriptionSet: true, pendingRemoteCandidates: [] },
        effects: state.pendingRemoteCandidates.map((candidate): CallEffect => ({ type: 'add-candidate', candidate })),
      };
    }

    case 'REMOTE_CANDIDATE': {
      const p = event.payload;
      if (!isActive(state) || !fromPeer(state, p.from)) return stay(state);
      if (p.callId && state.ignoredCallIds.includes(p.callId)) return stay(state);
      if (state.remoteDescriptionSet) {
        return { state, effects: [{ type: 'add-candidate', candidate: p.candidate }] };
      }
      return { state: { ...state, pendingRemoteCandidates: [...state.pendingRemoteCandidates, p.candidate] }, effects: [] };
    }

    case 'HANG_UP': {
      if (!state.peer) return stay(state);
      switch (state.phase) {
        case 'outgoing-ringing':
        case 'connecting':
        case 'connected':
          return end(state, 'hung-up', endCallSignal(state));
        case 'incoming-ringing':
          return end(state, 'declined-by-me', signal(Signals.rejectCall, { to: state.peer.id }, state.callId));
        default:
          return stay(state);
      }
    }

    case 'REMOTE_REJECTED': {
      if (state.phase !== 'outgoing-ringing' || !fromPeer(state, event.payload.from)) return stay(state);
      return end(state, 'declined');
    }

    case 'REMOTE_ENDED': {
      const p = event.payload;
      if (!isActive(state) || !fromPeer(state, p.from)) return stay(state);
      if (p.callId && state.ignoredCallIds.includes(p.callId)) return stay(state);
      if (p.reason === 'dropped') return end(state, 'dropped');
      return end(state, state.phase === 'incoming-ringing' ? 'missed' : 'remote-hung-up');
    }

    case 'CALL_FAILED': {
      const p = event.payload;
      if (!isActive(state) || !state.peer || state.peer.id !== p.to) return stay(state);
      if (state.phase === 'outgoing-ringing' && state.direction === 'outgoing') {
        // The server ends an unanswered call after its own ring timeout with reason "no-answer".
        const reason: EndReason =
          p.reason === 'offline' ? 'offline' : p.reason === 'busy' ? 'busy' : p.reason === 'no-answer' ? 'no-answer' : 'signaling-error';
        return end(state, reason, undefined, p.reason);
      }
      if (state.phase === 'incoming-ringing') return stay(state);
      // A restart offer was refused: the connection cannot be repaired.
      return end(state, 'network', endCallSignal(state));
    }

    case 'ANSWERED_ELSEWHERE': {
      if (state.phase !== 'incoming-ringing' || state.callId !== event.payload.callId) return stay(state);
      return end(state, 'answered-elsewhere');
    }

    case 'CONNECTION_STATE': {
      if (!isActive(state) || state.phase === 'incoming-ringing') return stay(state);
      const next: CallState = { ...state, connectionState: event.state };
      switch (event.state) {
        case 'connected':
          return {
            state: {
              ...next,
              phase: 'connected',
              connectedAt: state.connectedAt ?? event.at,
              reconnecting: false,
              restartAttempts: 0,
            },
            effects: [{ type: 'timer', name: 'failure', ms: null }],
          };
        case 'failed':
          // While the peer (or we) are away there is no one to renegotiate with: the rejoin renews the connection.
          if (state.peerAway || state.rejoining) return stay({ ...next, reconnecting: true });
          return onConnectionFailure({ ...next, reconnecting: true });
        case 'disconnected':
          if (state.peerAway || state.rejoining) return stay({ ...next, reconnecting: true });
          // Often recovers by itself; if not, restart ICE.
          return {
            state: { ...next, reconnecting: true },
            effects: [{ type: 'timer', name: 'failure', ms: DISCONNECTED_GRACE_MS }],
          };
        default:
          return stay(next);
      }
    }

    case 'FAILURE_TIMEOUT': {
      if (!isActive(state) || state.connectionState === 'connected' || state.peerAway || state.rejoining) return stay(state);
      return onConnectionFailure(state);
    }

    case 'RING_TIMEOUT': {
      if (state.phase === 'outgoing-ringing') return end(state, 'no-answer', endCallSignal(state));
      if (state.phase === 'incoming-ringing') return end(state, 'missed');
      return stay(state);
    }

    case 'PEER_OFFLINE': {
      if (!isActive(state) || state.peer?.id !== event.userId) return stay(state);
      if (state.phase === 'incoming-ringing') return end(state, 'missed');
      // An answered call waits for the peer to rejoin: the server says when it dropped.
      if (state.phase !== 'outgoing-ringing') return stay(state);
      return end(state, 'peer-left');
    }

    case 'RESTORE': {
      const saved = event.saved;
      if (isActive(state) || saved.selfId !== state.selfId) return stay(state);
      return {
        state: {
          ...initialCallState(state.selfId),
          phase: 'connecting',
          peer: saved.peer,
          direction: saved.direction,
          callId: saved.callId,
          mode: saved.mode,
          // the call was set up long ago: our candidates go out at once
          offerSent: true,
          rejoining: true,
          reconnecting: true,
        },
        effects: [{ type: 'timer', name: 'rejoin', ms: REJOIN_WAIT_MS }],
      };
    }

    case 'SOCKET_LOST': {
      if (!inAnsweredCall(state)) return stay(state);
      return stay({ ...state, reconnecting: true });
    }

    case 'SOCKET_CONNECTED': {
      if (!inAnsweredCall(state)) return stay(state);
      // A new session: the server learns it is ours in the call, and the peer renews the connection.
      return {
        state: { ...state, rejoining: true, reconnecting: true },
        effects: [
          signal(Signals.rejoinCall, {}, state.callId),
          { type: 'timer', name: 'failure', ms: null },
          { type: 'timer', name: 'rejoin', ms: REJOIN_WAIT_MS },
        ],
      };
    }

    case 'PEER_INTERRUPTED': {
      const p = event.payload;
      if (!inAnsweredCall(state) || !fromPeer(state, p.from) || (p.callId && p.callId !== state.callId)) return stay(state);
      return {
        state: { ...state, peerAway: true, reconnecting: true },
        effects: [
          { type: 'timer', name: 'failure', ms: null },
          { type: 'timer', name: 'rejoin', ms: REJOIN_WAIT_MS },
        ],
      };
    }

    case 'PEER_REJOINED': {
      const p = event.payload;
      if (!inAnsweredCall(state) || !fromPeer(state, p.from) || (p.callId && p.callId !== state.callId)) return stay(state);
      // The peer is back in a new session, perhaps a reloaded page: we offer on a fresh connection.
      return {
        state: {
          ...state,
          peerAway: false,
          rejoining: false,
          reconnecting: true,
          remoteDescriptionSet: false,
          pendingRemoteCandidates: [],
          restartAttempts: 0,
        },
        effects: [
          { type: 'timer', name: 'rejoin', ms: null },
          { type: 'timer', name: 'failure', ms: RESTART_TIMEOUT_MS },
          { type: 'renew-offer' },
        ],
      };
    }

    case 'REJOIN_REFUSED': {
      if (!state.rejoining) return stay(state);
      return end(state, 'dropped');
    }

    case 'REJOIN_TIMEOUT': {
      if (!inAnsweredCall(state) || (!state.peerAway && !state.rejoining)) return stay(state);
      return end(state, 'dropped', state.peerAway ? endCallSignal(state) : undefined);
    }

    case 'MEDIA_ERROR': {
      if (!isActive(state) || !state.peer) return stay(state);
      // Before our offer went out the peer knows nothing of the call.
      const signal = state.direction === 'outgoing' && !state.offerSent ? undefined : endCallSignal(state);
      return end(state, 'media-error', signal, event.message);
    }

    case 'SIGNALING_ERROR': {
      if (!isActive(state)) return stay(state);
      return end(state, 'signaling-error', undefined, event.message);
    }

    case 'CONNECT_FAILED': {
      if (!isActive(state) || !state.peer || state.connectionState === 'connected') return stay(state);
      // Before our offer went out the peer knows nothing of the call.
      const signal = state.direction === 'outgoing' && !state.offerSent ? undefined : endCallSignal(state);
      return end(state, 'connect-failed', signal, event.reason);
    }

    case 'DISMISS': {
      if (state.phase !== 'ended') return stay(state);
      return stay(initialCallState(state.selfId));
    }
  }
}

/** An answered call (we know its id), not yet ended. */
function inAnsweredCall(state: CallState): boolean {
  return (state.phase === 'connecting' || state.phase === 'connected') && !!state.callId && !!state.peer;
}

/**
 * Either side restarts ICE, up to MAX_ICE_RESTARTS times, then gives up. Both may restart at once: the controller
 * settles the collision by perfect negotiation (the callee is polite).
 */
function onConnectionFailure(state: CallState): Transition {
  if (state.restartAttempts < MAX_ICE_RESTARTS && state.callId) {
    return {
      state: { ...state, restartAttempts: state.restartAttempts + 1 },
      effects: [{ type: 'restart-ice' }, { type: 'timer', name: 'failure', ms: RESTART_TIMEOUT_MS }],
    };
  }
  return end(state, 'network', endCallSignal(state));
}

/** A plain sentence for how a call ended. */
export function endMessage(state: Pick<CallState, 'endReason' | 'endDetail' | 'peer'>): string {
  const name = state.peer?.name ?? t('callEnd.otherPerson');
  const detail = state.endDetail;
  switch (state.endReason) {
    case 'hung-up':
      return t('callEnd.hungUp');
    case 'declined-by-me':
      return t('callEnd.declinedByMe');
    case 'remote-hung-up':
      return t('callEnd.remoteHungUp', { name });
    case 'declined':
      return t('callEnd.declined', { name });
    case 'offline':
      return t('callEnd.offline', { name });
    case 'busy':
      return t('callEnd.busy', { name });
    case 'no-answer':
      return t('callEnd.noAnswer', { name });
    case 'missed':
      return t('callEnd.missed', { name });
    case 'answered-elsewhere':
      return t('callEnd.answeredElsewhere');
    case 'network':
      return t('callEnd.network');
    case 'peer-left':
      return t('callEnd.peerLeft', { name });
    case 'media-error':
      return detail ? t('callEnd.mediaError', { detail }) : t('callEnd.mediaErrorPlain');
    case 'signaling-error':
      return detail ? t('callEnd.signalingError', { detail }) : t('callEnd.signalingErrorPlain');
    case 'connect-failed':
      return connectFailureMessage(state.endDetail, name);
    case 'dropped':
      return t('callDrop.dropped', { name });
    default:
      return t('callEnd.hungUp');
  }
}
