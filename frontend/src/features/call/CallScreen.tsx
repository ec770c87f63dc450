import { useEffect, useId, useRef, useState } from 'react';
import { formatDuration } from '../../lib/time';
import { Icon } from '../../ui/Icon';
import type { CallSnapshot } from './callController';
import { useTranslation } from '../../i18n/useTranslation';

interface Props {
  snapshot: CallSnapshot;
  onHangUp: () => void;
  onToggleMic: () => void;
  onToggleCamera: () => void;
}

function useStream(stream: MediaStream | null) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const video = ref.current;
    if (!video) return;
    if (video.srcObject !== stream) video.srcObject = stream;
    if (stream) void video.play?.()?.catch(() => undefined);
  }, [stream]);
  return ref;
}

function Elapsed({ since }: { since: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  return (
    <time className="call-screen__elapsed" aria-label={`Call time ${formatDuration(now - since)}`}>
      {formatDuration(now - since)}
    </time>
  );
}

/** The peer connection's state in words (WebRTC names it `new`, `checking`…). */
export const CONNECTION_TEXT: Record<string, string> = {
  new: 'Setting up the connection…',
  checking: 'Connecting…',
  connecting: 'Connecting…',
  connected: 'Connected',
  completed: 'Connected',
  disconnected: 'Connection interrupted',
  failed: 'Connection failed',
  closed: 'Call ended',
};

export function CallScreen({ snapshot, onHangUp, onToggleMic, onToggleCamera }: Props) {
  const { call, localStream, remoteStream, micOn, cameraOn, hasVideo } = snapshot;
  const remoteRef = useStream(remoteStream);
  const localRef = useStream(localStream);
  const titleId = useId();
  const hangUpRef = useRef<HTMLButtonElement>(null);
  const name = call.peer?.name ?? 'Call';
  const { t } = useTranslation();

  useEffect(() => {
    hangUpRef.current?.focus();
  }, []);

  const statusText = call.peerAway
    ? `${t('callDrop.reconnecting')} ${t('callDrop.peerAway', { name })}`
    : call.reconnecting
      ? t('callDrop.reconnecting')
      : call.phase === 'outgoing-ringing'
        ? `Calling ${name}…`
        : call.phase === 'connecting'
          ? 'Connecting…'
          : call.connectionState === 'disconnected'
            ? 'Connection unstable, trying to recover…'
            : call.connectionState === 'failed'
              ? 'Connection lost, reconnecting…'
              : 'Connected';

  return (
    <section className="call-screen" aria-labelledby={titleId}>
      <div className="call-screen__videos">
        <video ref={remoteRef} className="call-screen__remote" aria-label="Remote video" playsInline autoPlay />
        {call.phase === 'outgoing-ringing' && (
          <div className="call-screen__calling" aria-hidden="true">
            <span className="pulse" />
          </div>
        )}
        <video
          ref={localRef}
          className={`call-screen__local${!hasVideo || !cameraOn ? ' call-screen__local--off' : ''}`}
          aria-label="Your camera"
          muted
          playsInline
          autoPlay
        />
      </div>
      <div className="call-screen__bar">
        <div className="call-screen__info">
          <h2 id={titleId}>{name}</h2>
          <p>
            {/* Only the state is announced; the ticking clock stays quiet. */}
            <span role="status">{statusText}</span>
            {call.phase === 'connected' && call.connectedAt != null && (
              <>
                {' · '}
                <Elapsed since={call.connectedAt} />
              </>
            )}
          </p>
          <p className="call-screen__state">
            {CONNECTION_TEXT[call.connectionState] ?? ''}
            {/* the raw WebRTC state, for the browser tests only */}
            <span data-testid="call-state" hidden>
              {call.connectionState}
            </span>
          </p>
        </div>
        <div className="call-screen__controls">
          <button type="button" className="btn btn--round" aria-pressed={micOn} onClick={onToggleMic}>
            <Icon name={micOn ? 'mic' : 'micOff'} /> Microphone
          </button>
          <button
            type="button"
            className="btn btn--round"
            aria-pressed={cameraOn && hasVideo}
            disabled={!hasVideo}
            onClick={onToggleCamera}
          >
            <Icon name={cameraOn && hasVideo ? 'video' : 'videoOff'} /> Camera
          </button>
          <button ref={hangUpRef} type="button" className="btn btn--danger btn--round" onClick={onHangUp}>
            <Icon name="phoneOff" /> Hang up
          </button>
        </div>
      </div>
    </section>
  );
}
