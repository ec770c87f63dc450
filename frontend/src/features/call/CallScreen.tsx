import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import { formatDuration } from '../../lib/time';
import { Icon } from '../../ui/Icon';
import { ConversationView } from '../messaging/ConversationView';
import type { CallSnapshot } from './callController';
import type { Quality, QualitySample } from './connectionQuality';
import { usePeerMedia } from './usePeerMedia';

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
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <time className="call-screen__elapsed" aria-label={t('call.time', { time: formatDuration(now - since) })}>
      {formatDuration(now - since)}
    </time>
  );
}

/** Good / fair / poor in words and bars; the numbers behind it on hover. Announced only when the level changes. */
function QualityIndicator({ level, sample }: { level: Quality | null; sample: QualitySample | null }) {
  const { t } = useTranslation();
  const details =
    sample?.rttMs != null ? t('call.qualityDetails', { rtt: sample.rttMs, loss: (sample.lossPercent ?? 0).toFixed(1) }) : undefined;
  return (
    <span className={`call-quality call-quality--${level ?? 'unknown'}`} title={details} data-level={level ?? ''}>
      <span className="call-quality__bars" aria-hidden="true">
        <span />
        <span />
        <span />
      </span>
      <span role="status">{level ? t(`call.quality_${level}`) : t('call.qualityMeasuring')}</span>
    </span>
  );
}

export function CallScreen({ snapshot, onHangUp, onToggleMic, onToggleCamera }: Props) {
  const { t } = useTranslation();
  const { call, localStream, remoteStream, micOn, cameraOn, hasVideo } = snapshot;
  const media = usePeerMedia({ camera: cameraOn && hasVideo, mic: micOn });
  const remoteRef = useStream(remoteStream);
  const localRef = useStream(media.screen ?? localStream);
  const titleId = useId();
  const chatId = useId();
  const hangUpRef = useRef<HTMLButtonElement>(null);
  const [chatOpen, setChatOpen] = useState(false);
  const [shareError, setShareError] = useState(false);
  const name = call.peer?.name ?? t('call.title');
  const connected = call.phase === 'connected';

  useEffect(() => {
    hangUpRef.current?.focus();
  }, []);

  const statusText = call.peerAway
    ? `${t('callDrop.reconnecting')} ${t('callDrop.peerAway', { name })}`
    : call.reconnecting
      ? t('callDrop.reconnecting')
      : call.phase === 'outgoing-ringing'
        ? t('call.calling', { name })
        : call.phase === 'connecting'
          ? t('call.connecting')
          : call.connectionState === 'disconnected'
            ? t('call.unstable')
            : call.connectionState === 'failed'
              ? t('call.lost')
              : t('call.connected');

  async function toggleScreen() {
    setShareError(false);
    try {
      await media.toggleScreen();
    } catch (e) {
      // Cancelling the browser's picker is a choice, not an error.
      if ((e as { name?: string }).name !== 'NotAllowedError') setShareError(true);
    }
  }

  const sharing = media.screen != null;
  const remote = media.remote;
  return (
    <section className={`call-screen${chatOpen ? ' call-screen--chat' : ''}`} aria-labelledby={titleId}>
      <div className="call-screen__main">
        <div className="call-screen__videos">
          <video ref={remoteRef} className="call-screen__remote" aria-label={t('call.remoteVideo')} playsInline autoPlay />
          {call.phase === 'outgoing-ringing' && (
            <div className="call-screen__calling" aria-hidden="true">
              <span className="pulse" />
            </div>
          )}
          {connected && !remote.camera && !remote.screen && <div className="call-screen__camera-off" aria-hidden="true" />}
          {/* What the other side told us about its media; read out when it changes. */}
          <div className="call-screen__peer-state" role="status" aria-label={t('call.peerState', { name })}>
            {connected && remote.screen && <span className="call-badge">{t('call.peerSharing')}</span>}
            {connected && !remote.camera && !remote.screen && <span className="call-badge">{t('call.peerCameraOff')}</span>}
            {connected && !remote.mic && (
              <span className="call-badge">
                <Icon name="micOff" size={16} /> {t('call.peerMuted')}
              </span>
            )}
          </div>
          <video
            ref={localRef}
            className={`call-screen__local${sharing ? ' call-screen__local--screen' : !hasVideo || !cameraOn ? ' call-screen__local--off' : ''}`}
            aria-label={sharing ? t('call.yourScreen') : t('call.yourCamera')}
            muted
            playsInline
            autoPlay
          />
        </div>
        {chatOpen && call.peer && (
          <aside id={chatId} className="call-screen__chat" aria-label={t('call.chat')}>
            <ConversationView peerId={call.peer.id} inCall />
          </aside>
        )}
      </div>
      <div className="call-screen__bar">
        <div className="call-screen__info">
          <h2 id={titleId}>{name}</h2>
          <p>
            {/* Only the state is announced; the ticking clock stays quiet. */}
            <span role="status">{statusText}</span>
            {connected && call.connectedAt != null && (
              <>
                {' · '}
                <Elapsed since={call.connectedAt} />
              </>
            )}
          </p>
          <p className="call-screen__state">
            {connected && <QualityIndicator level={media.quality} sample={media.sample} />}
            {!connected && t(`call.conn_${call.connectionState}`)}
            {/* the raw WebRTC state, for the browser tests only */}
            <span data-testid="call-state" hidden>
              {call.connectionState}
            </span>
          </p>
          {shareError && (
            <p className="call-screen__error" role="alert">
              {t('call.shareFailed')}
            </p>
          )}
        </div>
        <div className="call-screen__controls">
          <button type="button" className="btn btn--round" aria-pressed={micOn} onClick={onToggleMic}>
            <Icon name={micOn ? 'mic' : 'micOff'} /> {t('call.microphone')}
          </button>
          <button
            type="button"
            className="btn btn--round"
            aria-pressed={cameraOn && hasVideo}
            disabled={!hasVideo}
            onClick={onToggleCamera}
          >
            <Icon name={cameraOn && hasVideo ? 'video' : 'videoOff'} /> {t('call.camera')}
          </button>
          {connected && (
            <button type="button" className="btn btn--round" disabled={!media.canShare} onClick={() => void toggleScreen()}>
              {sharing ? t('call.stopSharing') : t('call.shareScreen')}
            </button>
          )}
          {call.peer && (
            <button type="button" className="btn btn--round" aria-expanded={chatOpen} aria-controls={chatOpen ? chatId : undefined} onClick={() => setChatOpen((o) => !o)}>
              {t('call.chat')}
            </button>
          )}
          <button ref={hangUpRef} type="button" className="btn btn--danger btn--round" onClick={onHangUp}>
            <Icon name="phoneOff" /> {t('call.hangUp')}
          </button>
        </div>
      </div>
    </section>
  );
}

export default CallScreen;
