import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import './deviceCheck.css';
import {
  type DeviceKind,
  type DeviceStatus,
  type GetUserMedia,
  type MediaAccess,
  deviceMessage,
  isProblem,
  levelOf,
  playTone,
  release,
  requestDevices,
} from './deviceCheck';

/** What the device check uses of the browser; tests hand in fakes. */
export interface DeviceCheckMedia {
  getUserMedia: GetUserMedia | null;
  /** An AudioContext for the level meter and the speaker test, or null where there is none. */
  createAudioContext: () => AudioContext | null;
}

export const browserMedia: DeviceCheckMedia = {
  getUserMedia:
    typeof navigator !== 'undefined' && navigator.mediaDevices?.getUserMedia
      ? (constraints) => navigator.mediaDevices.getUserMedia(constraints)
      : null,
  createAudioContext: () => {
    const Context =
      typeof window === 'undefined'
        ? undefined
        : (window.AudioContext ??
          (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext);
    return Context ? new Context() : null;
  },
};

/** What the user goes on with: which devices worked when they chose to continue. */
export interface DeviceCheckResult {
  camera: boolean;
  microphone: boolean;
}

export interface DeviceCheckProps {
  /** The button that ends the check, e.g. "Check in"; it works whatever the devices did. */
  continueLabel?: string;
  /** The title's level: 1 where the check is the page itself, 4 (default) inside an appointment's card. */
  headingLevel?: 1 | 4;
  /** A line under the title (the page says what the check is for). */
  intro?: string;
  onContinue: (result: DeviceCheckResult) => void;
  /** Shown as a second button, e.g. "Not now". */
  onCancel?: () => void;
  /** While the caller works on the continue (the check-in request). */
  busy?: boolean;
  media?: DeviceCheckMedia;
}

const START: MediaAccess = { camera: 'checking', microphone: 'checking', video: null, audio: null };

/**
 * Before a video visit: the camera's preview, a live microphone level, a speaker test tone, and for each device what
 * is wrong in words one can act on (blocked, none found, in use elsewhere), with "Try again". Continuing never needs a
 * working camera: a patient may go on with sound only, or with nothing. The devices are released when it closes; the
 * call asks for them again itself.
 */
export function DeviceCheck({ continueLabel, headingLevel = 4, intro, onContinue, onCancel, busy = false, media = browserMedia }: DeviceCheckProps) {
  const { t, i18n } = useTranslation();
  const [access, setAccess] = useState<MediaAccess>(START);
  const [level, setLevel] = useState(0);
  const [heard, setHeard] = useState(false);
  const [tone, setTone] = useState<'idle' | 'played' | 'unavailable'>('idle');
  const [attempt, setAttempt] = useState(0);
  const video = useRef<HTMLVideoElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const audioContext = useRef<AudioContext | null>(null);
  const current = useRef<MediaAccess>(START);

  const context = useCallback(() => {
    if (!audioContext.current) audioContext.current = media.createAudioContext();
    return audioContext.current;
  }, [media]);

  useEffect(() => {
    heading.current?.focus();
  }, []);

  // ask for the devices (again on "Try again"); release them when asked again or closed
  useEffect(() => {
    let live = true;
    setAccess(START);
    setLevel(0);
    setHeard(false);
    requestDevices(media.getUserMedia).then((got) => {
      if (!live) {
        release(got.video, got.audio);
        return;
      }
      current.current = got;
      setAccess(got);
    });
    return () => {
      live = false;
      release(current.current.video, current.current.audio);
      current.current = START;
    };
  }, [media, attempt]);

  // the camera's preview
  useEffect(() => {
    const element = video.current;
    if (!element || !access.video) return;
    element.srcObject = access.video;
    element.play?.()?.catch(() => {
      // autoplay of a muted preview is allowed; a refusal only leaves the first frame
    });
    return () => {
      element.srcObject = null;
    };
  }, [access.video]);

  // the microphone's level, ten times a second
  useEffect(() => {
    if (!access.audio || access.audio.getAudioTracks().length === 0) return;
    const ctx = context();
    if (!ctx) return;
    // a context made before any click starts suspended (autoplay rules): resume it now, or on the first click or key
    const resume = () => {
      if (ctx.state === 'suspended') ctx.resume?.().catch(() => undefined);
    };
    resume();
    document.addEventListener('pointerdown', resume, true);
    document.addEventListener('keydown', resume, true);
    const source = ctx.createMediaStreamSource(access.audio);
    const analyser = ctx.createAnalyser();
    analyser.fftSize = 512;
    source.connect(analyser);
    const samples = new Uint8Array(analyser.fftSize);
    const timer = window.setInterval(() => {
      analyser.getByteTimeDomainData(samples);
      const now = levelOf(samples);
      setLevel(now);
      if (now > 0.1) setHeard(true);
    }, 100);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('pointerdown', resume, true);
      document.removeEventListener('keydown', resume, true);
      source.disconnect();
    };
  }, [access.audio, context]);

  useEffect(
    () => () => {
      audioContext.current?.close().catch(() => undefined);
      audioContext.current = null;
    },
    [],
  );

  function testSpeakers() {
    const ctx = context();
    if (!ctx) {
      setTone('unavailable');
      return;
    }
    ctx.resume?.().catch(() => undefined);
    playTone(ctx);
    setTone('played');
  }

  function finish() {
    onContinue({ camera: access.camera === 'ok', microphone: access.microphone === 'ok' });
  }

  const Heading = headingLevel === 1 ? 'h1' : 'h4';
  const checking = access.camera === 'checking' || access.microphone === 'checking';
  const problem = isProblem(access.camera) || isProblem(access.microphone);

  return (
    <section className="panel device-check" aria-labelledby="device-check-title">
      <Heading id="device-check-title" ref={heading} tabIndex={-1}>
        {t(headingLevel === 1 ? 'deviceCheck.pageTitle' : 'deviceCheck.title')}
      </Heading>
      {intro && <p>{intro}</p>}
      <div className="device-check__grid">
        <div className="device-check__preview">
          {access.camera === 'ok' ? (
            <video ref={video} autoPlay playsInline muted aria-label={t('deviceCheck.preview')} />
          ) : (
            <div className="device-check__no-video" aria-hidden="true">
              {t(access.camera === 'checking' ? 'deviceCheck.startingCamera' : 'deviceCheck.noVideo')}
            </div>
          )}
        </div>
        <div className="device-check__devices">
          <Device kind="camera" status={access.camera} />
          <Device kind="microphone" status={access.microphone} />
          {access.microphone === 'ok' && (
            <div className="device-check__level">
              <label htmlFor="device-check-level">{t('deviceCheck.level')}</label>
              <meter id="device-check-level" min={0} max={1} low={0.1} high={0.9} optimum={0.5} value={level}>
                {new Intl.NumberFormat(i18n.language, { style: 'percent' }).format(level)}
              </meter>
              <p className="muted small" aria-live="polite">
                {t(heard ? 'deviceCheck.heard' : 'deviceCheck.speak')}
              </p>
            </div>
          )}
          <div className="device-check__speaker">
            <button type="button" className="btn btn--small" onClick={testSpeakers}>
              {t('deviceCheck.playSound')}
            </button>
            <p className="muted small" aria-live="polite">
              {tone === 'played' && t('deviceCheck.tonePlayed')}
              {tone === 'unavailable' && t('deviceCheck.toneUnavailable')}
            </p>
          </div>
        </div>
      </div>
      {!checking && access.camera !== 'ok' && (
        <p className="muted small">{t(access.microphone === 'ok' ? 'deviceCheck.withoutVideo' : 'deviceCheck.withoutVideoNoSound')}</p>
      )}
      <div className="device-check__actions">
        <button type="button" className="btn btn--primary" onClick={finish} disabled={busy}>
          {continueLabel ?? t('deviceCheck.continue')}
        </button>
        {problem && (
          <button type="button" className="btn" onClick={() => setAttempt((n) => n + 1)} disabled={busy}>
            {t('common.tryAgain')}
          </button>
        )}
        {onCancel && (
          <button type="button" className="btn btn--ghost" onClick={onCancel} disabled={busy}>
            {t('deviceCheck.notNow')}
          </button>
        )}
      </div>
    </section>
  );
}

function Device({ kind, status }: { kind: DeviceKind; status: DeviceStatus }) {
  const problem = isProblem(status);
  return (
    <p
      className={`device-check__status device-check__status--${problem ? 'problem' : status}`}
      role={problem ? 'alert' : 'status'}
      data-testid={`${kind}-status`}
      data-status={status}
    >
      {deviceMessage(kind, status)}
    </p>
  );
}
