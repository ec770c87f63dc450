import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { initialCallState, transition, endMessage, type CallState } from './callMachine';
import { CallController } from './callController';
import {
  CONNECT_TIMEOUT_MS,
  ConnectWatch,
  ICE_GATHERING_TIMEOUT_MS,
  connectFailureMessage,
  diagnose,
  type ConnectFailure,
} from './connectFailure';
import { rtcConfiguration, asConfiguration } from './iceConfig';
import { changeLanguage } from '../../i18n/i18n';

/** Just enough of an RTCPeerConnection to fire the events the watch listens to. */
class FakePc extends EventTarget {
  iceGatheringState: RTCIceGatheringState = 'new';
  connectionState: RTCPeerConnectionState = 'new';
  remoteDescription: RTCSessionDescriptionInit | null = null;
  constructor(readonly config: RTCConfiguration = {}) {
    super();
  }
  getConfiguration() {
    return this.config;
  }
  gathering(state: RTCIceGatheringState) {
    this.iceGatheringState = state;
    this.dispatchEvent(new Event('icegatheringstatechange'));
  }
  candidate(c: object | null) {
    this.dispatchEvent(Object.assign(new Event('icecandidate'), { candidate: c }));
  }
  candidateError(errorCode: number, url: string) {
    this.dispatchEvent(Object.assign(new Event('icecandidateerror'), { errorCode, url }));
  }
  remoteSet() {
    this.remoteDescription = { type: 'answer', sdp: 'x' };
    this.dispatchEvent(new Event('signalingstatechange'));
  }
  connection(state: RTCPeerConnectionState) {
    this.connectionState = state;
    this.dispatchEvent(new Event('connectionstatechange'));
  }
}

function watch(config: RTCConfiguration = {}) {
  const pc = new FakePc(config);
  const failures: ConnectFailure[] = [];
  const w = new ConnectWatch(pc as unknown as RTCPeerConnection, (r) => failures.push(r));
  return { pc, failures, w };
}

describe('diagnose', () => {
  it('reads a refused TURN allocation (401, 403, 441) as refused credentials and 701 as an unreachable relay', () => {
    expect(diagnose([{ errorCode: 401, url: 'turn:127.0.0.1:3478?transport=udp' }])).toBe('relay-refused');
    expect(diagnose([{ errorCode: 441, url: 'turns:relay.example:5349' }])).toBe('relay-refused');
    expect(diagnose([{ errorCode: 701, url: 'turn:relay.example:3478' }])).toBe('relay-unreachable');
  });

  it('ignores STUN errors: an unreachable STUN server says nothing about the relay', () => {
    expect(diagnose([{ errorCode: 701, url: 'stun:stun.l.google.com:19302' }])).toBeNull();
    expect(diagnose([])).toBeNull();
  });
});

describe('ConnectWatch', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('gathering that ends without one candidate fails at once, with the relay refusal as the reason', () => {
    const { pc, failures } = watch({ iceTransportPolicy: 'relay' });
    pc.gathering('gathering');
    pc.candidateError(701, 'stun:stun.example.org:3478');
    pc.candidateError(401, 'turn:127.0.0.1:3478?transport=udp');
    pc.candidate({ candidate: '' });
    pc.candidate(null);
    pc.gathering('complete');
    expect(failures).toEqual(['relay-refused']);
  });

  it('relay-only gathering that yields nothing within the timeout means the relay did not answer', () => {
    const { pc, failures } = watch({ iceTransportPolicy: 'relay' });
    pc.gathering('gathering');
    vi.advanceTimersByTime(ICE_GATHERING_TIMEOUT_MS - 1);
    expect(failures).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(failures).toEqual(['relay-unreachable']);
  });

  it('slow gathering that has found candidates is not a failure', () => {
    const { pc, failures } = watch();
    pc.gathering('gathering');
    pc.candidate({ candidate: 'host' });
    vi.advanceTimersByTime(ICE_GATHERING_TIMEOUT_MS * 2);
    pc.gathering('complete');
    expect(failures).toEqual([]);
  });

  it('a connection not up within the connect timeout after the answer fails once, as a timeout', () => {
    const { pc, failures } = watch();
    pc.gathering('gathering');
    pc.candidate({ candidate: 'host' });
    // ringing does not count: the clock starts with the remote description
    vi.advanceTimersByTime(CONNECT_TIMEOUT_MS * 2);
    expect(failures).toEqual([]);
    pc.remoteSet();
    pc.connection('connecting');
    vi.advanceTimersByTime(CONNECT_TIMEOUT_MS);
    expect(failures).toEqual(['timeout']);
    vi.advanceTimersByTime(CONNECT_TIMEOUT_MS);
    expect(failures).toEqual(['timeout']);
  });

  it('stands down for good once connected, and after stop()', () => {
    const { pc, failures } = watch();
    pc.remoteSet();
    pc.connection('connected');
    vi.advanceTimersByTime(CONNECT_TIMEOUT_MS * 2);
    pc.gathering('complete');
    expect(failures).toEqual([]);

    const other = watch();
    other.pc.remoteSet();
    other.w.stop();
    vi.advanceTimersByTime(CONNECT_TIMEOUT_MS * 2);
    expect(other.failures).toEqual([]);
  });
});

describe('the configuration from /api/calls/ice-servers', () => {
  it('carries relay-only when the server asks for it, and nothing of the kind otherwise', () => {
    const servers = [{ urls: ['turn:127.0.0.1:3478'], username: '1:u', credential: 'c' }];
    expect(rtcConfiguration({ iceServers: servers, ttlSeconds: 60, iceTransportPolicy: 'relay' })).toEqual({
      iceServers: servers,
      iceTransportPolicy: 'relay',
    });
    expect(rtcConfiguration({ iceServers: servers, ttlSeconds: 60 })).toEqual({ iceServers: servers });
    expect(asConfiguration([{ urls: 'stun:s' }])).toEqual({ iceServers: [{ urls: 'stun:s' }] });
  });
});

describe('a call that cannot connect', () => {
  const connecting = (): CallState => {
    let state = initialCallState('b-callee');
    state = transition(state, { type: 'REMOTE_OFFER', payload: { from: 'a-caller', fromName: 'Ann', offer: { type: 'offer', sdp: 'o' }, callId: 'c-1' } }).state;
    return transition(state, { type: 'ANSWER' }).state;
  };

  it('ends with the reason, tells the peer, and reads plainly in English and German', async () => {
    const t = transition(connecting(), { type: 'CONNECT_FAILED', reason: 'relay-refused' });
    expect(t.state.phase).toBe('ended');
    expect(t.state.endReason).toBe('connect-failed');
    expect(t.effects).toContainEqual({ type: 'send', destination: '/app/end-call', body: { to: 'a-caller', callId: 'c-1' } });
    expect(t.effects).toContainEqual({ type: 'close' });
    expect(endMessage(t.state)).toBe(
      'The call could not be connected: the relay server refused our credentials. Please try again later; if it keeps happening, tell the practice.',
    );
    expect(connectFailureMessage('timeout', 'Ann')).toContain('no network path to Ann');
    await changeLanguage('de');
    try {
      expect(endMessage(t.state)).toMatch(/^Der Anruf konnte nicht verbunden werden: Der Relay-Server hat unsere Zugangsdaten abgelehnt/);
    } finally {
      await changeLanguage('en');
    }
  });

  it('is ignored once the call has connected', () => {
    const connected = transition(connecting(), { type: 'CONNECTION_STATE', state: 'connected', at: 1 }).state;
    expect(transition(connected, { type: 'CONNECT_FAILED', reason: 'timeout' }).state).toBe(connected);
  });

  it('the controller watches its peer connection and ends the call when gathering finds nothing', async () => {
    vi.stubGlobal('MediaStream', class {
      getTracks() { return []; }
      getAudioTracks() { return []; }
      getVideoTracks() { return []; }
      addTrack() {}
    });
    try {
      const pcs: FakePc[] = [];
      const sent: string[] = [];
      const controller = new CallController({
        selfId: 'b-callee',
        send: (d) => {
          sent.push(d);
          return true;
        },
        getIceServers: async () => ({ iceServers: [{ urls: 'turn:127.0.0.1:3478' }], iceTransportPolicy: 'relay' }),
        getUserMedia: async () => new MediaStream(),
        createPeerConnection: (config) => {
          const pc = Object.assign(new FakePc(config), {
            setRemoteDescription: async () => undefined,
            setLocalDescription: async () => undefined,
            createAnswer: async () => ({ type: 'answer' as const, sdp: 'a' }),
            addTrack: () => undefined,
            close: () => undefined,
            localDescription: null,
          });
          pcs.push(pc);
          return pc as unknown as RTCPeerConnection;
        },
        ring: () => undefined,
      });
      controller.dispatch({ type: 'REMOTE_OFFER', payload: { from: 'a-caller', fromName: 'Ann', offer: { type: 'offer', sdp: 'o' }, callId: 'c-1' } });
      controller.dispatch({ type: 'ANSWER' });
      for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
      expect(pcs[0].config.iceTransportPolicy).toBe('relay');
      pcs[0].gathering('gathering');
      pcs[0].candidateError(401, 'turn:127.0.0.1:3478');
      pcs[0].gathering('complete');
      expect(controller.getSnapshot().call.endReason).toBe('connect-failed');
      expect(controller.getSnapshot().call.endDetail).toBe('relay-refused');
      expect(sent).toContain('/app/end-call');
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
