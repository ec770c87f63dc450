import { useCallback, useEffect, useRef, useState } from 'react';
import { classifyQuality, sampleStats, type Quality, type QualitySample, type StatsTotals } from './connectionQuality';
import { ASSUMED_REMOTE, decodeMediaState, encodeMediaState, type MediaState } from './mediaState';
import { onPeerLink, type PeerLink } from './peerLink';
import { startScreenShare, videoSender, type ScreenShare } from './screenShare';

export const QUALITY_EVERY_MS = 2000;

export interface PeerMedia {
  /** What the other side says about its camera, microphone and screen. */
  remote: MediaState;
  quality: Quality | null;
  sample: QualitySample | null;
  /** The screen we share, shown in our own preview; null while not sharing. */
  screen: MediaStream | null;
  canShare: boolean;
  toggleScreen: () => Promise<void>;
}

/**
 * The call screen's view of the peer connection: the other side's media state from the data channel, ours sent to it
 * (again each time the channel opens), the connection quality sampled from getStats, and screen sharing.
 */
export function usePeerMedia(local: { camera: boolean; mic: boolean }): PeerMedia {
  const [link, setLink] = useState<PeerLink | null>(null);
  const [remote, setRemote] = useState<MediaState>(ASSUMED_REMOTE);
  const [quality, setQuality] = useState<{ level: Quality | null; sample: QualitySample | null }>({ level: null, sample: null });
  const [screen, setScreen] = useState<ScreenShare | null>(null);
  const shareRef = useRef<ScreenShare | null>(null);

  useEffect(
    () =>
      onPeerLink((next) => {
        // A new connection (a rejoin) starts from nothing: no screen on it, the other side's state still to come.
        void shareRef.current?.stop();
        setLink(next);
        setRemote(decodeMediaState(next.lastMessage) ?? ASSUMED_REMOTE);
        setQuality({ level: null, sample: null });
      }),
    [],
  );

  // The other side's state.
  useEffect(() => {
    const channel = link?.channel;
    if (!channel) return;
    const onMessage = (e: MessageEvent) => {
      const state = decodeMediaState(e.data);
      if (state) setRemote(state);
    };
    channel.addEventListener('message', onMessage);
    return () => channel.removeEventListener('message', onMessage);
  }, [link]);

  // Ours, whenever it changes and whenever the channel (re)opens.
  const sharing = screen != null;
  useEffect(() => {
    const channel = link?.channel;
    if (!channel) return;
    const message = encodeMediaState({ camera: local.camera, mic: local.mic, screen: sharing });
    const send = () => {
      if (channel.readyState === 'open') channel.send(message);
    };
    send();
    channel.addEventListener('open', send);
    return () => channel.removeEventListener('open', send);
  }, [link, local.camera, local.mic, sharing]);

  // The connection quality.
  useEffect(() => {
    const pc = link?.pc;
    if (!pc || typeof pc.getStats !== 'function') return;
    let totals: StatsTotals | null = null;
    let live = true;
    const measure = async () => {
      // while the connection is interrupted, the last good figures would not be the truth
      if (pc.connectionState === 'disconnected' || pc.connectionState === 'failed') {
        totals = null;
        setQuality({ level: 'poor', sample: null });
        return;
      }
      if (pc.connectionState !== 'connected') return;
      const report = await pc.getStats();
      if (!live) return;
      const next = sampleStats(report as never, totals, performance.now());
      totals = next.totals;
      setQuality({ level: classifyQuality(next.sample), sample: next.sample });
    };
    const timer = setInterval(() => void measure().catch(() => undefined), QUALITY_EVERY_MS);
    void measure().catch(() => undefined);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [link]);

  // Sharing ends with the call screen.
  useEffect(() => () => void shareRef.current?.stop(), []);

  const toggleScreen = useCallback(async () => {
    if (shareRef.current) {
      await shareRef.current.stop();
      return;
    }
    if (!link) return;
    const share = await startScreenShare(
      link.pc,
      (options) => navigator.mediaDevices.getDisplayMedia(options),
      () => {
        if (shareRef.current === share) shareRef.current = null;
        setScreen((s) => (s === share ? null : s));
      },
    );
    shareRef.current = share;
    setScreen(share);
  }, [link]);

  const canShare = !!link && typeof navigator !== 'undefined' && !!navigator.mediaDevices?.getDisplayMedia && (sharing || videoSender(link.pc) != null);

  return { remote, quality: quality.level, sample: quality.sample, screen: screen?.stream ?? null, canShare, toggleScreen };
}
