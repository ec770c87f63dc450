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
  signalingState: RTCSignalingState = 'stable';
  constructor(readonly config: RTCConfiguration) {}
  addTrack(t: FakeTrack) {
    this.log.push(`addTrack:${t.kind}`);
  }
  addTransceiver() {}
  async setRemoteDescription(d: RTCSessionDescriptionInit) {
    this.log.push(`setRemote:${d.type}`);
    this.signalingState = d.type === 'offer' ? 'have-remote-offer' : 'stable';
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
    this.signalingState = d.type === 'offer' ? 'have-local-offer' : 'stable';
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
  const getUserMedia = vi.fn(async () => new FakeMediaStream(tracks) as unknown as MediaStream);
  const controller = new CallController({
    selfId: 'b-callee',
    send: (d, b) => {
      sent.push([d, b]);
      return true;
    },
    getIceServers: async () => [{ urls: 'stun:stun.example.org' }],
    getUserMedia,
    createPeerConnection: (config) => {
      const pc = new FakePeerConnection(config);
      pcs.push(pc);
      return pc as unknown as RTCPeerConnection;
    },
    ring,
    now: () => 42,
  });
  return { controller, sent, pcs, tracks, ring, getUserMedia };
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

  it('while a call rings, its connection is made with the offer set, but no device opens and nothing is sent; Answer takes it over', async () => {
    const { controller, sent, pcs, getUserMedia } = setup();
    const offer = (callId: string) => ({ from: 'a-caller', fromName: 'Ann', offer: { type: 'offer' as const, sdp: `offer-${callId}` }, callId });

    controller.dispatch({ type: 'REMOTE_OFFER', payload: offer('call-1') });
    await flush();
    expect(pcs).toHaveLength(1);
    pcs[0].remoteSet.resolve();
    await flush();
    expect(pcs[0].log).toEqual(['setRemote:offer']);
    controller.dispatch({ type: 'REMOTE_CANDIDATE', payload: { from: 'a-caller', candidate: { candidate: 'c1' }, callId: 'call-1' } });
    expect(pcs[0].log).toEqual(['setRemote:offer', 'addIce:c1']);
    expect(getUserMedia).not.toHaveBeenCalled();
    expect(sent).toEqual([]);

    // dialled again: a connection for the newer offer replaces the first
    controller.dispatch({ type: 'REMOTE_OFFER', payload: offer('call-2') });
    await flush();
    expect(pcs[0].log[pcs[0].log.length - 1]).toBe('close');
    expect(pcs).toHaveLength(2);
    pcs[1].remoteSet.resolve();
    await flush();

    controller.dispatch({ type: 'ANSWER' });
    await flush();
    await flush();
    expect(pcs).toHaveLength(2); // the prepared connection answers: no new one, no second setRemoteDescription
    expect(pcs[1].log).toEqual(['setRemote:offer', 'addTrack:audio', 'addTrack:video', 'setLocal:answer']);
    expect(getUserMedia).toHaveBeenCalledTimes(1);
    expect(sent).toEqual([['/app/answer-call', { to: 'a-caller', answer: { type: 'answer', sdp: 'local-answer' }, callId: 'call-2' }]]);
    controller.dispose();
  });

  it('declining a ringing call closes the connection made for it, and no device was opened', async () => {
    const { controller, sent, pcs, getUserMedia } = setup();
    controller.dispatch({ type: 'REMOTE_OFFER', payload: { from: 'a-caller', fromName: 'Ann', offer: { type: 'offer', sdp: 'o' }, callId: 'call-1' } });
    await flush();
    pcs[0].remoteSet.resolve();
    await flush();
    controller.dispatch({ type: 'HANG_UP' });
    expect(pcs[0].log[pcs[0].log.length - 1]).toBe('close');
    expect(sent).toEqual([['/app/reject-call', { to: 'a-caller', callId: 'call-1' }]]);
    expect(getUserMedia).not.toHaveBeenCalled();
    expect(controller.getSnapshot().localStream).toBeNull();
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

  /** The callee in call-1 with a-caller, connected, with remote video showing. */
  async function inCall() {
    const ctx = setup();
    const { controller, pcs } = ctx;
    controller.dispatch({ type: 'REMOTE_OFFER', payload: { from: 'a-caller', fromName: 'Ann', offer: { type: 'offer', sdp: 'remote-offer' }, callId: 'call-1' } });
    controller.dispatch({ type: 'ANSWER' });
    await flush();
    pcs[0].remoteSet.resolve();
    await flush();
    await flush();
    (pcs[0].ontrack as (e: { track: FakeTrack }) => void)({ track: new FakeTrack('video') });
    pcs[0].setState('connected');
    return ctx;
  }

  it('when the peer rejoins, a fresh connection offers with our own media, and the frozen picture stays until new video comes', async () => {
    const { controller, sent, pcs, tracks } = await inCall();
    const frozen = controller.getSnapshot().remoteStream;
    controller.dispatch({ type: 'PEER_INTERRUPTED', payload: { from: 'a-caller', callId: 'call-1' } });
    expect(pcs[0].log).not.toContain('close');
    expect(controller.getSnapshot().call.reconnecting).toBe(true);

    controller.dispatch({ type: 'PEER_REJOINED', payload: { from: 'a-caller', callId: 'call-1' } });
    await flush();
    await flush();
    expect(pcs[0].log).toContain('close');
    const renewed = pcs[1];
    expect(renewed.log).toEqual(['addTrack:audio', 'addTrack:video', 'setLocal:offer']);
    expect(tracks.some((t) => t.stopped)).toBe(false);
    expect(sent[sent.length - 1]).toEqual(['/app/call-user', { to: 'a-caller', offer: { type: 'offer', sdp: 'local-offer' }, mode: 'video', callId: 'call-1' }]);
    expect(controller.getSnapshot().remoteStream).toBe(frozen);

    const fresh = new FakeTrack('video');
    (renewed.ontrack as (e: { track: FakeTrack }) => void)({ track: fresh });
    expect(controller.getSnapshot().remoteStream).not.toBe(frozen);
    expect(controller.getSnapshot().remoteStream!.getTracks()).toEqual([fresh]);

    controller.dispatch({ type: 'REMOTE_ANSWER', payload: { from: 'a-caller', answer: { type: 'answer', sdp: 'their-answer' }, callId: 'call-1' } });
    renewed.remoteSet.resolve();
    await flush();
    expect(renewed.log).toContain('setRemote:answer');
    renewed.setState('connected');
    expect(controller.getSnapshot().call.reconnecting).toBe(false);
    controller.dispose();
  });

  it('perfect negotiation: the polite callee rolls back its own restart offer and answers the caller\'s', async () => {
    const { controller, sent, pcs } = await inCall();
    const pc = pcs[0];
    pc.setState('failed');
    await flush();
    expect(pc.log).toContain('restartIce');
    expect(pc.signalingState).toBe('have-local-offer');
    // the caller restarted at the same moment: its offer arrives while ours waits for an answer
    controller.dispatch({ type: 'REMOTE_OFFER', payload: { from: 'a-caller', fromName: 'Ann', offer: { type: 'offer', sdp: 'their-restart' }, callId: 'call-1' } });
    await flush();
    await flush();
    expect(pc.log.slice(pc.log.indexOf('restartIce'))).toEqual(['restartIce', 'setLocal:offer', 'setRemote:offer', 'setLocal:answer']);
    expect(sent[sent.length - 1][0]).toBe('/app/answer-call');
    // the answer to our rolled-back offer, if the caller sent one, is not applied
    const before = pc.log.length;
    controller.dispatch({ type: 'REMOTE_ANSWER', payload: { from: 'a-caller', answer: { type: 'answer', sdp: 'late' }, callId: 'call-1' } });
    await flush();
    expect(pc.log.length).toBe(before);
    expect(controller.getSnapshot().call.phase).toBe('connected');
    controller.dispose();
  });

  it('perfect negotiation: the impolite caller ignores a colliding offer and keeps its own', async () => {
    const sent: [string, Record<string, unknown>][] = [];
    const pcs: FakePeerConnection[] = [];
    const controller = new CallController({
      selfId: 'a-caller',
      send: (d, b) => {
        sent.push([d, b]);
        return true;
      },
      getIceServers: async () => [],
      getUserMedia: async () => new FakeMediaStream([new FakeTrack('audio'), new FakeTrack('video')]) as unknown as MediaStream,
      createPeerConnection: (c) => {
        const pc = new FakePeerConnection(c);
        pcs.push(pc);
        return pc as unknown as RTCPeerConnection;
      },
      ring: () => undefined,
    });
    controller.dispatch({ type: 'START', peer: { id: 'b-callee', name: 'Bo' } });
    await flush();
    await flush();
    const pc = pcs[0];
    controller.dispatch({ type: 'REMOTE_ANSWER', payload: { from: 'b-callee', answer: { type: 'answer', sdp: 'a1' }, callId: 'call-2' } });
    pc.remoteSet.resolve();
    await flush();
    pc.setState('connected');
    pc.setState('failed');
    await flush();
    expect(pc.signalingState).toBe('have-local-offer');
    const before = pc.log.length;
    controller.dispatch({ type: 'REMOTE_OFFER', payload: { from: 'b-callee', fromName: 'Bo', offer: { type: 'offer', sdp: 'their-restart' }, callId: 'call-2' } });
    await flush();
    expect(pc.log.length).toBe(before);
    expect(pc.signalingState).toBe('have-local-offer');
    expect(controller.getSnapshot().call.phase).toBe('connected');
    controller.dispose();
  });

  it('a socket lost mid-call does not end the call; the next socket rejoins it', async () => {
    let up = true;
    const sent: [string, Record<string, unknown>][] = [];
    const pcs: FakePeerConnection[] = [];
    const controller = new CallController({
      selfId: 'b-callee',
      send: (d, b) => {
        if (!up) return false;
        sent.push([d, b]);
        return true;
      },
      getIceServers: async () => [],
      getUserMedia: async () => new FakeMediaStream([new FakeTrack('audio')]) as unknown as MediaStream,
      createPeerConnection: (c) => {
        const pc = new FakePeerConnection(c);
        pcs.push(pc);
        return pc as unknown as RTCPeerConnection;
      },
      ring: () => undefined,
    });
    controller.dispatch({ type: 'REMOTE_OFFER', payload: { from: 'a-caller', fromName: 'Ann', offer: { type: 'offer', sdp: 'o' }, callId: 'call-3' } });
    controller.dispatch({ type: 'ANSWER' });
    await flush();
    pcs[0].remoteSet.resolve();
    await flush();
    await flush();
    up = false;
    pcs[0].onicecandidate?.({ candidate: { toJSON: () => ({ candidate: 'late' }) } });
    expect(controller.getSnapshot().call.phase).toBe('connecting');
    expect(controller.getSnapshot().call.reconnecting).toBe(true);
    up = true;
    controller.dispatch({ type: 'SOCKET_CONNECTED' });
    expect(sent[sent.length - 1]).toEqual(['/app/rejoin-call', { callId: 'call-3' }]);
    controller.dispose();
  });
});
