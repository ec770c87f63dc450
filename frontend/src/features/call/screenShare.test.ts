import { describe, expect, it, vi } from 'vitest';
import { startScreenShare } from './screenShare';

class FakeTrack extends EventTarget {
  contentHint = '';
  stopped = false;
  constructor(readonly kind: string) {
    super();
  }
  stop() {
    this.stopped = true;
  }
}

function setup() {
  const camera = new FakeTrack('video');
  const mic = new FakeTrack('audio');
  const videoSender = { track: camera as unknown, replaceTrack: vi.fn(async (t: unknown) => void (videoSender.track = t)) };
  const audioSender = { track: mic as unknown, replaceTrack: vi.fn() };
  const pc = { connectionState: 'connected', getSenders: () => [audioSender, videoSender] } as unknown as RTCPeerConnection;
  const screen = new FakeTrack('video');
  const stream = { getVideoTracks: () => [screen], getTracks: () => [screen] } as unknown as MediaStream;
  const getDisplayMedia = vi.fn(async () => stream);
  return { camera, screen, videoSender, audioSender, pc, getDisplayMedia };
}

describe('startScreenShare', () => {
  it('sends the screen in place of the camera, without touching the audio', async () => {
    const { pc, getDisplayMedia, videoSender, audioSender, screen } = setup();
    await startScreenShare(pc, getDisplayMedia, () => undefined);
    expect(videoSender.track).toBe(screen);
    expect(screen.contentHint).toBe('detail');
    expect(audioSender.replaceTrack).not.toHaveBeenCalled();
  });

  it('puts the camera back when sharing is stopped, once', async () => {
    const { pc, getDisplayMedia, videoSender, camera, screen } = setup();
    const onEnded = vi.fn();
    const share = await startScreenShare(pc, getDisplayMedia, onEnded);
    await share.stop();
    await share.stop();
    expect(videoSender.track).toBe(camera);
    expect(screen.stopped).toBe(true);
    expect(onEnded).toHaveBeenCalledTimes(1);
  });

  it('puts the camera back when the browser ends the sharing from its own bar', async () => {
    const { pc, getDisplayMedia, videoSender, camera, screen } = setup();
    const onEnded = vi.fn();
    await startScreenShare(pc, getDisplayMedia, onEnded);
    screen.dispatchEvent(new Event('ended'));
    await vi.waitFor(() => expect(onEnded).toHaveBeenCalled());
    expect(videoSender.track).toBe(camera);
  });

  it('ends quietly when the connection is gone before the camera could be put back', async () => {
    const { pc, getDisplayMedia, videoSender, screen } = setup();
    const onEnded = vi.fn();
    const share = await startScreenShare(pc, getDisplayMedia, onEnded);
    videoSender.replaceTrack.mockRejectedValueOnce(new Error('closed'));
    await share.stop();
    expect(screen.stopped).toBe(true);
    expect(onEnded).toHaveBeenCalledTimes(1);
  });

  it('changes nothing when the person cancels the picker', async () => {
    const { pc, videoSender, camera } = setup();
    const denied = Object.assign(new Error('denied'), { name: 'NotAllowedError' });
    await expect(startScreenShare(pc, () => Promise.reject(denied), () => undefined)).rejects.toBe(denied);
    expect(videoSender.track).toBe(camera);
  });

  it('refuses in a call that sends no video', async () => {
    const pc = { getSenders: () => [] } as unknown as RTCPeerConnection;
    const getDisplayMedia = vi.fn();
    await expect(startScreenShare(pc, getDisplayMedia, () => undefined)).rejects.toMatchObject({ name: 'NoVideoSender' });
    expect(getDisplayMedia).not.toHaveBeenCalled();
  });
});
