import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CallController } from './callController';

class FakeTrack {
  enabled = true;
  stopped = false;
  constructor(readonly kind: 'audio' | 'video') {}
  stop() {
    this.stopped = true;
  }
}

class FakeMediaStream {
  private tracks: FakeTrack[];
  constructor(tracks: FakeTrack[] = []) {
    this.tracks = [...tracks];
  }
  getTracks() {
    return this.tracks;
  }
  getAudioTracks() {
    return this.tracks.filter((t) => t.kind === 'audio');
  }
  getVideoTracks() {
    return this.tracks.filter((t) => t.kind === 'video');
  }
  addTrack(t: FakeTrack) {
    this.tracks.push(t);
  }
}

function deferred<T = void>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

class FakePeerConnection {
  log: string[] = [];
  connectionState: RTCPeerConnectionState = 'new';
  onicecandidate: ((e: { candidate: { toJSON(): RTCIceCandidateInit } | null }) => void) | null = null;
  ontrack: unknown = null;
  onconnectionstatechange: (() => void) | null = null;
  remoteSet = deferred();
  localDescription: RTCSessionDescriptionInit | null = null;
  constructor(readonly config: RTCConfiguration) {}
  addTrack(t: FakeTrack) {
    this.log.push(`addTrack:${t.kind}`);
  }
  addTransceiver() {}
  async setRemoteDescription(d: RTCSessionDescriptionInit) {
    this.log.push(`setRemote:${d.type}`);
    await this.remoteSet.promise;
  }
  async addIceCandidate(c: RTCIceCandidateInit) {
    this.log.push(`addIce:${c.candidate}`);
  }
  async createOffer() {
    return { type: 'offer' as const, sdp: 'local-offer' };
  }
  async createAnswer() {
    return { type: 'answer' as const, sdp: 'local-answer' };
  }
  async setLocalDescription(d: RTCSessionDescriptionInit) {
    this.localDescription = d;
    this.log.push(`setLocal:${d.type}`);
  }
  restartIce() {
    this.log.push('restartIce');
  }
  close() {
    this.log.push('close');
    this.connectionState = 'closed';
  }
  setState(s: RTCPeerConnectionState) {
    this.connectionState = s;
    this.onconnectionstatechange?.();
  }
}

const flush = () => new Promise((r) => setTimeout(r, 0));

function setup() {
  const sent: [string, Record<string, unknown>][] = [];
  const pcs: FakePeerConnection[] = [];
  const tracks = [new FakeTrack('audio'), new FakeTrack('video')];
  const ring = vi.fn();
  const controller = new CallController({
    selfId: 'b-callee',
    send: (d, b) => {
      sent.push([d, b]);
      return true;
    },
    getIceServers: async () => [{ urls: 'stun:stun.example.org' }],
    getUserMedia: async () => new FakeMediaStream(tracks) as unknown as MediaStream,
    createPeerConnection: (config) => {
      const pc = new FakePeerConnection(config);
      pcs.push(pc);
      return pc as unknown as RTCPeerConnection;
    },
    ring,
    now: () => 42,
  });
  return { controller, sent, pcs, tracks, ring };
}

describe('CallController with a fake RTCPeerConnection', () => {
  beforeEach(() => vi.stubGlobal('MediaStream', FakeMediaStream));
  afterEach(() => vi.unstubAllGlobals());

  it('answers: remote candidates wait for setRemoteDescription, then go in order; hang-up cleans up', async () => {
    const { controller, sent, pcs, tracks, ring } = setup();
    const cand = (n: number) => ({ from: 'a-caller', candidate: { candidate: `c${n}`, sdpMid: '0', sdpMLineIndex: 0 }, callId: 'call-1' });

    controller.dispatch({ type: 'REMOTE_OFFER', payload: { from: 'a-caller', fromName: 'Ann', offer: { type: 'offer', sdp: 'remote-offer' }, callId: 'call-1' } });
    expect(ring).toHaveBeenLastCalledWith('incoming');
    controller.dispatch({ type: 'REMOTE_CANDIDATE', payload: cand(1) });
    controller.dispatch({ type: 'REMOTE_CANDIDATE', payload: cand(2) });

    controller.dispatch({ type: 'ANSWER' });
    expect(ring).toHaveBeenLastCalledWith(null);
    await flush();
    const pc = pcs[0];
    expect(pc.config.iceServers).toEqual([{ urls: 'stun:stun.example.org' }]);
    expect(pc.log).toEqual(['setRemote:offer']);

    controller.dispatch({ type: 'REMOTE_CANDIDATE', payload: cand(3) });
    expect(pc.log).toEqual(['setRemote:offer']); // still buffered

    pc.remoteSet.resolve();
    await flush();
    await flush();
    expect(pc.log).toEqual([
      'setRemote:offer',
      'addIce:c1',
      'addIce:c2',
      'addIce:c3',
      'addTrack:audio',
      'addTrack:video',
      'setLocal:answer',
    ]);
    expect(sent).toContainEqual(['/app/answer-call', { to: 'a-caller', answer: { type: 'answer', sdp: 'local-answer' }, callId: 'call-1' }]);

    pc.onicecandidate?.({ candidate: { toJSON: () => ({ candidate: 'mine' }) } });
    expect(sent).toContainEqual(['/app/ice-candidate', { to: 'a-caller', candidate: { candidate: 'mine' }, callId: 'call-1' }]);

    // remote tracks grow one stream: a playing <video> is never handed a new object (that would blank it)
    type OnTrack = (e: { track: FakeTrack }) => void;
    const remoteVideo = new FakeTrack('video');
    const remoteAudio = new FakeTrack('audio');
    (pc.ontrack as OnTrack)({ track: remoteVideo });
    const remote = controller.getSnapshot().remoteStream;
    (pc.ontrack as OnTrack)({ track: remoteAudio });
    (pc.ontrack as OnTrack)({ track: remoteVideo });
    expect(controller.getSnapshot().remoteStream).toBe(remote);
    expect(remote!.getTracks()).toEqual([remoteVideo, remoteAudio]);

    pc.setState('connected');
    expect(controller.getSnapshot().call.phase).toBe('connected');
    expect(controller.getSnapshot().call.connectionState).toBe('connected');
    expect(controller.getSnapshot().call.connectedAt).toBe(42);

    controller.toggleMic();
    expect(tracks[0].enabled).toBe(false);
    expect(controller.getSnapshot().micOn).toBe(false);

    controller.dispatch({ type: 'HANG_UP' });
    expect(sent[sent.length - 1]).toEqual(['/app/end-call', { to: 'a-caller', callId: 'call-1' }]);
    expect(pc.log[pc.log.length - 1]).toBe('close');
    expect(tracks.every((t) => t.stopped)).toBe(true);
    expect(controller.getSnapshot().localStream).toBeNull();
    expect(controller.getSnapshot().call.phase).toBe('ended');
  });

  it('a lost signalling connection ends the call with a message instead of hanging', async () => {
    const { controller, pcs } = setup();
    const failingSend = new CallController({
      selfId: 'me',
      send: () => false,
      getIceServers: async () => [],
      getUserMedia: async () => new FakeMediaStream([new FakeTrack('audio')]) as unknown as MediaStream,
      createPeerConnection: (c) => {
        const pc = new FakePeerConnection(c);
        pcs.push(pc);
        return pc as unknown as RTCPeerConnection;
      },
      ring: () => undefined,
    });
    failingSend.dispatch({ type: 'START', peer: { id: 'x', name: 'X' } });
    await flush();
    await flush();
    expect(failingSend.getSnapshot().call.phase).toBe('ended');
    expect(failingSend.getSnapshot().call.endReason).toBe('signaling-error');
    expect(pcs[pcs.length - 1].log).toContain('close');
    controller.dispose();
    failingSend.dispose();
  });

  it('a blocked camera ends an outgoing call before anything is sent', async () => {
    const sent: string[] = [];
    const c = new CallController({
      selfId: 'me',
      send: (d) => {
        sent.push(d);
        return true;
      },
      getIceServers: async () => [],
      getUserMedia: async () => {
        throw Object.assign(new Error('denied'), { name: 'NotAllowedError' });
      },
      createPeerConnection: (cfg) => new FakePeerConnection(cfg) as unknown as RTCPeerConnection,
      ring: () => undefined,
    });
    c.dispatch({ type: 'START', peer: { id: 'x', name: 'X' } });
    await flush();
    await flush();
    expect(c.getSnapshot().call.endReason).toBe('media-error');
    expect(sent).toEqual([]);
    c.dispose();
  });
});
