/**
 * Why a call could not be connected, found out while it tries, so the call ends with a plain reason instead of
 * hanging in "connecting": ICE gathering that yields no candidate at all (a TURN server refusing the credentials, or
 * not answering, is the usual cause with relay-only), gathering that takes too long, or a connection that is not up
 * in time once both descriptions are set.
 */
import { t } from '../../i18n/i18n';

export type ConnectFailure = 'relay-refused' | 'relay-unreachable' | 'no-candidates' | 'timeout';

/** Gathering that has produced no candidate by then will not produce one that helps. */
export const ICE_GATHERING_TIMEOUT_MS = 10_000;
/** From the moment both descriptions are set (the call was answered) until the connection must be up. */
export const CONNECT_TIMEOUT_MS = 30_000;

export interface CandidateError {
  errorCode: number;
  url?: string;
}

/** The reason a set of `icecandidateerror`s points to, looking only at TURN servers (a STUN error is no reason). */
export function diagnose(errors: CandidateError[]): ConnectFailure | null {
  const turn = errors.filter((e) => /^turns?:/i.test(e.url ?? ''));
  // 401 Unauthorized (RFC 8656: wrong or expired credentials), 403 Forbidden, 441 Wrong Credentials
  if (turn.some((e) => e.errorCode === 401 || e.errorCode === 403 || e.errorCode === 441)) return 'relay-refused';
  // 701: the server could not be reached (Chromium's code for a TURN/STUN host that does not answer)
  if (turn.some((e) => e.errorCode === 701)) return 'relay-unreachable';
  return null;
}

/** The sentence the person reads, in their language. */
export function connectFailureMessage(reason: string | null | undefined, peerName: string): string {
  switch (reason) {
    case 'relay-refused':
      return t('callConnect.relayRefused');
    case 'relay-unreachable':
      return t('callConnect.relayUnreachable');
    case 'no-candidates':
      return t('callConnect.noCandidates');
    default:
      return t('callConnect.timeout', { name: peerName });
  }
}

export interface Timers {
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/**
 * Watches one peer connection until it first connects; calls `onFailure` at most once. Listens with
 * addEventListener, so the controller's own `on…` handlers stay as they are. `stop()` when the connection closes.
 */
export class ConnectWatch {
  private readonly errors: CandidateError[] = [];
  private candidates = 0;
  private done = false;
  private gatheringTimer: unknown = null;
  private connectTimer: unknown = null;
  private readonly listeners: [string, EventListener][] = [];

  constructor(
    private readonly pc: RTCPeerConnection,
    private readonly onFailure: (reason: ConnectFailure) => void,
    private readonly timers: Timers = realTimers,
  ) {
    if (typeof pc.addEventListener !== 'function') {
      this.done = true;
      return;
    }
    this.on('icecandidate', (e) => {
      // null (and, in some browsers, an empty candidate string) only marks the end of gathering
      if ((e as RTCPeerConnectionIceEvent).candidate?.candidate) this.candidates++;
    });
    this.on('icecandidateerror', (e) => {
      const err = e as RTCPeerConnectionIceErrorEvent;
      this.errors.push({ errorCode: err.errorCode, url: err.url });
    });
    this.on('icegatheringstatechange', () => {
      if (pc.iceGatheringState === 'gathering') this.startGatheringTimer();
      if (pc.iceGatheringState === 'complete') this.gatheringComplete();
    });
    this.on('signalingstatechange', () => {
      if (pc.remoteDescription && this.connectTimer === null && !this.done) {
        this.connectTimer = this.timers.setTimeout(() => this.fail(diagnose(this.errors) ?? 'timeout'), CONNECT_TIMEOUT_MS);
      }
    });
    this.on('connectionstatechange', () => {
      if (pc.connectionState === 'connected') this.stop();
    });
  }

  stop(): void {
    this.done = true;
    if (this.gatheringTimer !== null) this.timers.clearTimeout(this.gatheringTimer);
    if (this.connectTimer !== null) this.timers.clearTimeout(this.connectTimer);
    this.gatheringTimer = this.connectTimer = null;
    for (const [type, listener] of this.listeners.splice(0)) this.pc.removeEventListener(type, listener);
  }

  private on(type: string, listener: EventListener): void {
    this.pc.addEventListener(type, listener);
    this.listeners.push([type, listener]);
  }

  private startGatheringTimer(): void {
    if (this.gatheringTimer !== null || this.done) return;
    this.gatheringTimer = this.timers.setTimeout(() => {
      this.gatheringTimer = null;
      if (this.candidates === 0) this.fail(diagnose(this.errors) ?? this.noCandidateReason());
    }, ICE_GATHERING_TIMEOUT_MS);
  }

  private gatheringComplete(): void {
    if (this.gatheringTimer !== null) this.timers.clearTimeout(this.gatheringTimer);
    this.gatheringTimer = null;
    // Not one candidate: nothing can ever connect, so say so now rather than after the connect timeout.
    if (this.candidates === 0) this.fail(diagnose(this.errors) ?? this.noCandidateReason());
  }

  /** Relay-only with nothing gathered and no error: the relay did not answer. */
  private noCandidateReason(): ConnectFailure {
    const policy = typeof this.pc.getConfiguration === 'function' ? this.pc.getConfiguration().iceTransportPolicy : undefined;
    return policy === 'relay' ? 'relay-unreachable' : 'no-candidates';
  }

  private fail(reason: ConnectFailure): void {
    if (this.done) return;
    this.stop();
    this.onFailure(reason);
  }
}
