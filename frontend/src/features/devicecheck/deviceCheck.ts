/**
 * The device check's logic, apart from React and the browser so it is tested without either: asking for the camera
 * and the microphone (each on its own when asking for both fails, so a missing camera does not cost the microphone),
 * naming what went wrong, and the microphone level from an analyser's samples.
 */
import { t } from '../../i18n/i18n';

/**
 * What is known of one device: still being asked for, working, or why not (refused, none there, held by another
 * application, none that meets the constraints, no media API on this page, anything else).
 */
export type DeviceStatus = 'checking' | 'ok' | 'denied' | 'missing' | 'busy' | 'unsuitable' | 'unsupported' | 'failed';

export type DeviceKind = 'camera' | 'microphone';

export interface MediaAccess {
  camera: DeviceStatus;
  microphone: DeviceStatus;
  /** The camera's stream, for the preview (the same stream as `audio` when both came at once). */
  video: MediaStream | null;
  /** The microphone's stream, for the level meter. */
  audio: MediaStream | null;
}

export type GetUserMedia = (constraints: MediaStreamConstraints) => Promise<MediaStream>;

/** The browser's reason (a DOMException's name) as the device's status. */
export function statusOf(error: unknown): DeviceStatus {
  const name = (error as { name?: string } | null)?.name;
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return 'denied';
    case 'NotFoundError':
    case 'DevicesNotFoundError':
      return 'missing';
    case 'OverconstrainedError':
    case 'ConstraintNotSatisfiedError':
      return 'unsuitable';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'busy';
    default:
      return 'failed';
  }
}

/**
 * Asks for camera and microphone together (one permission prompt); when that fails for another reason than a refusal,
 * asks for each alone, so the one that works is still used.
 */
export async function requestDevices(getUserMedia: GetUserMedia | null): Promise<MediaAccess> {
  if (!getUserMedia) {
    return { camera: 'unsupported', microphone: 'unsupported', video: null, audio: null };
  }
  try {
    const stream = await getUserMedia({ video: true, audio: true });
    return {
      camera: stream.getVideoTracks().length > 0 ? 'ok' : 'missing',
      microphone: stream.getAudioTracks().length > 0 ? 'ok' : 'missing',
      video: stream,
      audio: stream,
    };
  } catch (error) {
    if (statusOf(error) === 'denied') {
      return { camera: 'denied', microphone: 'denied', video: null, audio: null };
    }
  }
  const [camera, microphone] = await Promise.all([
    one(getUserMedia, { video: true }),
    one(getUserMedia, { audio: true }),
  ]);
  return { camera: camera.status, microphone: microphone.status, video: camera.stream, audio: microphone.stream };
}

async function one(getUserMedia: GetUserMedia, constraints: MediaStreamConstraints) {
  try {
    return { status: 'ok' as DeviceStatus, stream: await getUserMedia(constraints) };
  } catch (error) {
    return { status: statusOf(error), stream: null };
  }
}

/** Stops every track of these streams (each once), so the camera light goes off. */
export function release(...streams: (MediaStream | null)[]): void {
  const stopped = new Set<MediaStreamTrack>();
  for (const stream of streams) {
    stream?.getTracks().forEach((track) => {
      if (!stopped.has(track)) {
        stopped.add(track);
        track.stop();
      }
    });
  }
}

/** What to tell the user about one device, in a sentence they can act on, in the UI's language. */
export function deviceMessage(kind: DeviceKind, status: DeviceStatus): string {
  return t(`deviceCheck.${kind}.${status}`);
}

/** Whether something went wrong that the user may fix and retry. */
export function isProblem(status: DeviceStatus): boolean {
  return status !== 'checking' && status !== 'ok';
}

/** The loudness of an analyser's time-domain bytes (128 is silence), from 0 to 1. */
export function levelOf(samples: Uint8Array): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (const sample of samples) {
    const centred = (sample - 128) / 128;
    sum += centred * centred;
  }
  // speech sits around an RMS of 0.05–0.2: scale it so a normal voice fills most of the meter
  return Math.min(1, Math.sqrt(sum / samples.length) * 4);
}

/** Plays a short, quiet tone on the default output: the speaker test. Returns when it is scheduled. */
export function playTone(context: AudioContext, seconds = 0.6, frequency = 440): void {
  const oscillator = context.createOscillator();
  const gain = context.createGain();
  oscillator.type = 'sine';
  oscillator.frequency.value = frequency;
  const start = context.currentTime;
  gain.gain.setValueAtTime(0.0001, start);
  gain.gain.exponentialRampToValueAtTime(0.2, start + 0.03);
  gain.gain.exponentialRampToValueAtTime(0.0001, start + seconds);
  oscillator.connect(gain);
  gain.connect(context.destination);
  oscillator.start(start);
  oscillator.stop(start + seconds);
}
