/**
 * The thin, imperative half of calling: runs the effects the state machine asks for
 * against RTCPeerConnection, getUserMedia, the signalling channel, timers and the
 * ring tone, and feeds what happens back into the machine as events.
 */
import { t } from '../../i18n/i18n';
import type { IceCandidate, SessionDescription } from '../../api/types';
import {
  initialCallState,
  transition,
  type CallEffect,
  type CallEvent,
  type CallState,
  type RingTone,
  type TimerName,
} from './callMachine';
import { ConnectWatch } from './connectFailure';
import { asConfiguration } from './iceConfig';

export interface CallControllerDeps {
  selfId: string;
  /** SEND a STOMP frame; false when the realtime connection is down. */
  send: (destination: string, body: Record<string, unknown>) => boolean;
  /** The ICE servers, or a whole configuration (with `iceTransportPolicy`). */
  getIceServers: () => Promise<RTCIceServer[] | RTCConfiguration>;
  getUserMedia: (constraints: MediaStreamConstraints) => Promise<MediaStream>;
  createPeerConnection: (config: RTCConfiguration) => RTCPeerConnection;
  ring: (tone: RingTone) => void;
  now?: () => number;
}

export interface CallSnapshot {
  call: CallState;
  localStream: MediaStream | null;
  remoteStream: MediaStream | null;
  micOn: boolean;
  cameraOn: boolean;
  /** Whether we have a camera track at all (audio-only fallback otherwise). */
  hasVideo: boolean;
}

/** A peer connection and the generation it belongs to (work for an older generation stops). */
type Peer = { pc: RTCPeerConnection; gen: number };

export class CallController {
  private snapshot: CallSnapshot;
  private readonly listeners = new Set<() => void>();
  private readonly queue: CallEvent[] = [];
  private processing = false;
  private pc: RTCPeerConnection | null = null;
  /** Ends a call that cannot connect with the reason, instead of leaving it in "connecting". */
  private connectWatch: ConnectWatch | null = null;
  /** Our offer is being made (perfect negotiation: a peer's offer meanwhile is a collision). */
  private makingOffer = false;
  /** Bumped on every close, so async work for an old connection stops. */
  private generation = 0;
  /** The connection being made for a ringing call's offer; answering takes it over. */
  private ringing: { offer: SessionDescription; ready: Promise<Peer | null> } | null = null;
  private readonly timers = new Map<TimerName, ReturnType<typeof setTimeout>>();
  private readonly deps: CallControllerDeps;

  constructor(deps: CallControllerDeps) {
    this.deps = deps;
    this.snapshot = {
      call: initialCallState(deps.selfId),
      localStream: null,
      remoteStream: null,
      micOn: true,
      cameraOn: true,
      hasVideo: false,
    };
  }

  getSnapshot = (): CallSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Feed an event; events raised while effects run are queued, so order is kept. */
  dispatch = (event: CallEvent): void => {
    this.queue.push(event);
    if (this.processing) return;
    this.processing = true;
    try {
      while (this.queue.length) {
        const next = this.queue.shift()!;
        const { state, effects } = transition(this.snapshot.call, next);
        if (state !== this.snapshot.call) this.update({ call: state });
        for (const effect of effects) this.run(effect);
      }
    } finally {
      this.processing = false;
    }
  };

  toggleMic = (): void => {
    const on = !this.snapshot.micOn;
    this.snapshot.localStream?.getAudioTracks().forEach((t) => (t.enabled = on));
    this.update({ micOn: on });
  };

  toggleCamera = (): void => {
    const on = !this.snapshot.cameraOn;
    this.snapshot.localStream?.getVideoTracks().forEach((t) => (t.enabled = on));
    this.update({ cameraOn: on });
  };

  /** Release everything (sign-out, unmount). */
  dispose(): void {
    if (this.snapshot.call.phase !== 'idle' && this.snapshot.call.phase !== 'ended') this.dispatch({ type: 'HANG_UP' });
    this.closePeer();
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.deps.ring(null);
    this.listeners.clear();
  }

  private update(patch: Partial<CallSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    this.listeners.forEach((l) => l());
  }

  private run(effect: CallEffect): void {
    switch (effect.type) {
      case 'send':
        if (!this.deps.send(effect.destination, effect.body)) {
          const hangingUp = effect.destination === '/app/end-call' || effect.destination === '/app/reject-call';
          const call = this.snapshot.call;
          const answered = (call.phase === 'connecting' || call.phase === 'connected') && !!call.callId;
          // An answered call outlives the socket: the new one rejoins it and the two renegotiate.
          if (answered) this.dispatch({ type: 'SOCKET_LOST' });
          else if (!hangingUp) this.dispatch({ type: 'SIGNALING_ERROR', message: 'lost the connection to the server' });
        }
        return;
      case 'ring':
        this.deps.ring(effect.tone);
        return;
      case 'timer':
        this.setTimer(effect.name, effect.ms);
        return;
      case 'close':
        this.closePeer();
        return;
      case 'prepare-offer':
        void this.guard(this.prepareOffer());
        return;
      case 'prepare-answer':
        this.ringing = { offer: effect.offer, ready: this.prepareAnswer(effect.offer) };
        return;
      case 'accept-offer':
        void this.guard(this.acceptOffer(effect.offer));
        return;
      case 'apply-answer':
        void this.guard(this.applyAnswer(effect.answer));
        return;
      case 'apply-renegotiation-offer':
        void this.guard(this.applyRenegotiationOffer(effect.offer, effect.polite));
        return;
      case 'renew-offer':
        void this.guard(this.renewOffer());
        return;
      case 'renew-answer':
        void this.guard(this.renewAnswer(effect.offer));
        return;
      case 'add-candidate':
        this.addCandidate(effect.candidate);
        return;
      case 'restart-ice':
        void this.guard(this.restartIce());
        return;
    }
  }

  private setTimer(name: TimerName, ms: number | null): void {
    const existing = this.timers.get(name);
    if (existing) clearTimeout(existing);
    this.timers.delete(name);
    if (ms === null) return;
    this.timers.set(
      name,
      setTimeout(() => {
        this.timers.delete(name);
        this.dispatch({ type: name === 'ring' ? 'RING_TIMEOUT' : name === 'rejoin' ? 'REJOIN_TIMEOUT' : 'FAILURE_TIMEOUT' });
      }, ms),
    );
  }

  /** Runs async WebRTC work; failures of the current call end it, stale ones are dropped. */
  private async guard(work: Promise<void>): Promise<void> {
    const gen = this.generation;
    try {
      await work;
    } catch (e) {
      if (gen !== this.generation) return;
      const err = e as { name?: string; message?: string };
      if (err && err.name === 'StaleCall') return;
      const media = err?.name && /NotAllowed|NotFound|NotReadable|Overconstrained|Security/.test(err.name);
      this.dispatch(
        media
          ? { type: 'MEDIA_ERROR', message: mediaErrorText(err.name!) }
          : { type: 'SIGNALING_ERROR', message: err?.message || 'unexpected error' },
      );
    }
  }

  private checkCurrent(gen: number): void {
    if (gen !== this.generation) throw Object.assign(new Error('stale call'), { name: 'StaleCall' });
  }

  /**
   * A new peer connection. `renewing`: it replaces one of the same call (after a rejoin), so the remote picture on
   * screen stays (frozen) until the new connection's first track arrives.
   */
  private async createPeer(renewing = false, watched = true): Promise<Peer> {
    const gen = this.generation;
    let config: RTCConfiguration = { iceServers: [] };
    try {
      config = asConfiguration(await this.deps.getIceServers());
    } catch {
      // Fall back to host candidates only; works on one network.
    }
    this.checkCurrent(gen);
    const pc = this.deps.createPeerConnection(config);
    this.pc = pc;
    if (watched) this.watch(pc, gen);
    const remote = new MediaStream();
    if (!renewing || !this.snapshot.remoteStream) this.update({ remoteStream: remote });
    pc.onicecandidate = (e) => {
      if (gen !== this.generation || !e.candidate) return;
      this.dispatch({ type: 'LOCAL_CANDIDATE', candidate: e.candidate.toJSON() });
    };
    pc.ontrack = (e) => {
      if (gen !== this.generation) return;
      const stream = renewing ? remote : (this.snapshot.remoteStream ?? remote);
      if (stream.getTracks().includes(e.track)) return;
      // The same stream object, grown: a <video> showing it keeps playing (a new object would be re-attached and
      // reset the picture to nothing until the next frame). The new snapshot still re-renders its consumers.
      stream.addTrack(e.track);
      this.update({ remoteStream: stream });
    };
    pc.onconnectionstatechange = () => {
      if (gen !== this.generation) return;
      this.dispatch({ type: 'CONNECTION_STATE', state: pc.connectionState, at: (this.deps.now ?? Date.now)() });
    };
    return { pc, gen };
  }

  /** Ends the call with the reason when this connection cannot connect (see ConnectWatch), instead of waiting forever. */
  private watch(pc: RTCPeerConnection, gen: number): void {
    this.connectWatch = new ConnectWatch(pc, (reason) => {
      if (gen === this.generation) this.dispatch({ type: 'CONNECT_FAILED', reason });
    });
  }

  private async getLocalMedia(gen: number): Promise<MediaStream> {
    const current = this.snapshot.localStream;
    if (current && current.getTracks().some((t) => t.readyState === 'live')) return current;
    let stream: MediaStream;
    try {
      stream = await this.deps.getUserMedia({ video: true, audio: true });
    } catch (e) {
      const name = (e as { name?: string }).name ?? '';
      if (name === 'NotAllowedError' || name === 'SecurityError') throw e;
      // No camera (or it is busy): carry on with the microphone alone.
      stream = await this.deps.getUserMedia({ audio: true, video: false });
    }
    if (gen !== this.generation) {
      stream.getTracks().forEach((t) => t.stop());
      this.checkCurrent(gen);
    }
    stream.getAudioTracks().forEach((t) => (t.enabled = this.snapshot.micOn));
    stream.getVideoTracks().forEach((t) => (t.enabled = this.snapshot.cameraOn));
    this.update({ localStream: stream, hasVideo: stream.getVideoTracks().length > 0 });
    return stream;
  }

  private async prepareOffer(): Promise<void> {
    const { pc, gen } = await this.createPeer();
    const stream = await this.getLocalMedia(gen);
    stream.getTracks().forEach((t) => pc.addTrack(t, stream));
    if (stream.getVideoTracks().length === 0) pc.addTransceiver('video', { direction: 'recvonly' });
    const offer = await pc.createOffer();
    this.checkCurrent(gen);
    await pc.setLocalDescription(offer);
    this.checkCurrent(gen);
    this.dispatch({ type: 'OFFER_READY', offer: toInit(pc.localDescription ?? offer) });
  }

  /**
   * While the call rings: the ICE servers, the peer connection and the caller's offer set on it, so that answering
   * only opens the camera and answers (on loopback the answer then left 50–130 ms after the click, not 210–350). Nothing
   * is gathered or sent yet, and the connection watch starts only when answered (a call may ring for 50 s). A failure
   * here is not the call's: answering starts afresh.
   */
  private async prepareAnswer(offer: SessionDescription): Promise<Peer | null> {
    try {
      return await this.peerForOffer(offer, false, false);
    } catch {
      return null;
    }
  }

  /**
   * A new peer connection with the peer's offer set (→ REMOTE_DESCRIPTION_SET). One whose offer is refused is closed
   * here: a failed preparation while ringing is followed by a fresh connection, not by the end of the call.
   */
  private async peerForOffer(
    offer: SessionDescription,
    renewing = false,
    watched = true,
  ): Promise<Peer> {
    const { pc, gen } = await this.createPeer(renewing, watched);
    try {
      await pc.setRemoteDescription(normalizeDescription(offer, 'offer'));
    } catch (e) {
      pc.close();
      throw e;
    }
    this.checkCurrent(gen);
    this.dispatch({ type: 'REMOTE_DESCRIPTION_SET' });
    return { pc, gen };
  }

  private async acceptOffer(offer: SessionDescription): Promise<void> {
    const ringing = this.ringing?.offer === offer ? await this.ringing.ready : null;
    this.ringing = null;
    let pc: RTCPeerConnection;
    let gen: number;
    if (ringing && ringing.gen === this.generation && ringing.pc === this.pc) {
      ({ pc, gen } = ringing);
      this.watch(pc, gen);
    } else {
      ({ pc, gen } = await this.peerForOffer(offer));
    }
    const stream = await this.getLocalMedia(gen);
    stream.getTracks().forEach((t) => pc.addTrack(t, stream));
    const answer = await pc.createAnswer();
    this.checkCurrent(gen);
    // The answer is final once created: it travels to the caller while it is applied here.
    this.dispatch({ type: 'ANSWER_READY', answer: toInit(answer) });
    await pc.setLocalDescription(answer);
    this.checkCurrent(gen);
  }

  private async applyAnswer(answer: SessionDescription): Promise<void> {
    const pc = this.pc;
    const gen = this.generation;
    // an answer to an offer of ours that a collision rolled back, or to a connection since renewed
    if (!pc || pc.signalingState !== 'have-local-offer') return;
    await pc.setRemoteDescription(normalizeDescription(answer, 'answer'));
    this.checkCurrent(gen);
    this.dispatch({ type: 'REMOTE_DESCRIPTION_SET' });
  }

  /**
   * Perfect negotiation: an offer that collides with our own (we are making one, or wait for its answer) is ignored
   * by the impolite side, whose offer wins; the polite side rolls its own back (implicitly, in setRemoteDescription)
   * and answers. Two restarts at once end in one negotiation.
   */
  private async applyRenegotiationOffer(offer: SessionDescription, polite: boolean): Promise<void> {
    const pc = this.pc;
    const gen = this.generation;
    if (!pc) return;
    const collision = this.makingOffer || pc.signalingState !== 'stable';
    if (collision && !polite) return;
    await pc.setRemoteDescription(normalizeDescription(offer, 'offer'));
    this.checkCurrent(gen);
    this.dispatch({ type: 'REMOTE_DESCRIPTION_SET' });
    const answer = await pc.createAnswer();
    this.checkCurrent(gen);
    await pc.setLocalDescription(answer);
    this.checkCurrent(gen);
    this.dispatch({ type: 'ANSWER_READY', answer: toInit(pc.localDescription ?? answer) });
  }

  private async restartIce(): Promise<void> {
    const pc = this.pc;
    const gen = this.generation;
    if (!pc || pc.signalingState !== 'stable') return;
    pc.restartIce();
    await this.sendRestartOffer(pc, gen);
  }

  /** An ICE-restart offer on this connection, sent; marked as ours while it is made (perfect negotiation). */
  private async sendRestartOffer(pc: RTCPeerConnection, gen: number): Promise<void> {
    this.makingOffer = true;
    try {
      const offer = await pc.createOffer({ iceRestart: true });
      this.checkCurrent(gen);
      await pc.setLocalDescription(offer);
      this.checkCurrent(gen);
      this.dispatch({ type: 'OFFER_READY', offer: toInit(pc.localDescription ?? offer) });
    } finally {
      if (gen === this.generation) this.makingOffer = false;
    }
  }

  /**
   * The peer rejoined from a new session (perhaps a reloaded page, whose old connection is gone for good): a fresh
   * connection with our local media, and an offer on it.
   */
  private async renewOffer(): Promise<void> {
    this.detachPeer();
    const { pc, gen } = await this.createPeer(true);
    const stream = await this.getLocalMedia(gen);
    stream.getTracks().forEach((t) => pc.addTrack(t, stream));
    if (stream.getVideoTracks().length === 0) pc.addTransceiver('video', { direction: 'recvonly' });
    await this.sendRestartOffer(pc, gen);
  }

  /** We rejoined: the peer's offer is for a fresh connection on our side too (the old one, if any, is stale). */
  private async renewAnswer(offer: SessionDescription): Promise<void> {
    this.detachPeer();
    const { pc, gen } = await this.peerForOffer(offer, true);
    const stream = await this.getLocalMedia(gen);
    stream.getTracks().forEach((t) => pc.addTrack(t, stream));
    const answer = await pc.createAnswer();
    this.checkCurrent(gen);
    await pc.setLocalDescription(answer);
    this.checkCurrent(gen);
    this.dispatch({ type: 'ANSWER_READY', answer: toInit(pc.localDescription ?? answer) });
  }

  private addCandidate(candidate: IceCandidate): void {
    const pc = this.pc;
    if (!pc) return;
    pc.addIceCandidate(candidate).catch(() => {
      // A candidate for an old ICE generation: harmless.
    });
  }

  /** Closes the peer connection only: local media and the remote picture stay for the one that replaces it. */
  private detachPeer(): void {
    this.generation++;
    this.ringing = null;
    this.makingOffer = false;
    const pc = this.pc;
    this.pc = null;
    this.connectWatch?.stop();
    this.connectWatch = null;
    if (pc) {
      pc.onicecandidate = null;
      pc.ontrack = null;
      pc.onconnectionstatechange = null;
      try {
        pc.close();
      } catch {
        /* already closed */
      }
    }
  }

  private closePeer(): void {
    this.detachPeer();
    this.snapshot.localStream?.getTracks().forEach((t) => t.stop());
    this.update({ localStream: null, remoteStream: null, micOn: true, cameraOn: true, hasVideo: false });
  }
}

function toInit(d: RTCSessionDescriptionInit | RTCSessionDescription): SessionDescription {
  return { type: d.type, sdp: d.sdp };
}

/** Accepts `{type, sdp}` or a bare SDP string from the wire. */
function normalizeDescription(d: SessionDescription | string, type: RTCSdpType): RTCSessionDescriptionInit {
  if (typeof d === 'string') return { type, sdp: d };
  return { type: d.type ?? type, sdp: d.sdp };
}

function mediaErrorText(name: string): string {
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return t('callEnd.mediaBlocked');
    case 'NotFoundError':
      return t('callEnd.mediaNotFound');
    case 'NotReadableError':
      return t('callEnd.mediaInUse');
    default:
      return t('callEnd.mediaFailed');
  }
}
