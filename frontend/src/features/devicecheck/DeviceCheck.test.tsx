import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { changeLanguage } from '../../i18n/i18n';
import { DeviceCheck, type DeviceCheckMedia } from './DeviceCheck';
import { levelOf, statusOf } from './deviceCheck';

interface FakeTrack {
  kind: 'audio' | 'video';
  stop: ReturnType<typeof vi.fn>;
}

function track(kind: 'audio' | 'video'): FakeTrack {
  return { kind, stop: vi.fn() };
}

function stream(...tracks: FakeTrack[]): MediaStream {
  return {
    getTracks: () => tracks,
    getVideoTracks: () => tracks.filter((t) => t.kind === 'video'),
    getAudioTracks: () => tracks.filter((t) => t.kind === 'audio'),
  } as unknown as MediaStream;
}

function failure(name: string): DOMException {
  return new DOMException('refused', name);
}

/** An AudioContext whose analyser hears `loudness` (0 silence … 1 loud) and which records the tones it plays. */
function fakeAudio(loudness = 0, state: AudioContextState = 'running') {
  const oscillators: { start: ReturnType<typeof vi.fn> }[] = [];
  const ramp = { setValueAtTime: vi.fn(), exponentialRampToValueAtTime: vi.fn() };
  const context = {
    currentTime: 0,
    state,
    destination: {},
    resume: vi.fn().mockResolvedValue(undefined),
    close: vi.fn().mockResolvedValue(undefined),
    createMediaStreamSource: () => ({ connect: vi.fn(), disconnect: vi.fn() }),
    createAnalyser: () => ({
      fftSize: 512,
      getByteTimeDomainData: (samples: Uint8Array) => {
        samples.forEach((_, i) => (samples[i] = 128 + Math.round((i % 2 === 0 ? 1 : -1) * loudness * 127)));
      },
    }),
    createGain: () => ({ gain: ramp, connect: vi.fn() }),
    createOscillator: () => {
      const oscillator = { type: 'sine', frequency: { value: 0 }, connect: vi.fn(), start: vi.fn(), stop: vi.fn() };
      oscillators.push(oscillator);
      return oscillator;
    },
  };
  return { context: context as unknown as AudioContext, oscillators };
}

function media(getUserMedia: DeviceCheckMedia['getUserMedia'], audio = fakeAudio()): DeviceCheckMedia {
  return { getUserMedia, createAudioContext: () => audio.context };
}

beforeEach(() => {
  vi.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined);
});

describe('DeviceCheck', () => {
  it('shows the camera preview and the microphone level when both work, and releases them on continue', async () => {
    const camera = track('video');
    const microphone = track('audio');
    const onContinue = vi.fn();
    const { unmount } = render(
      <DeviceCheck continueLabel="Check in" onContinue={onContinue} media={media(vi.fn().mockResolvedValue(stream(camera, microphone)), fakeAudio(0.5))} />,
    );

    expect(screen.getByRole('heading', { name: 'Check your camera and microphone' })).toHaveFocus();
    expect(await screen.findByText('Camera working: you should see yourself.')).toBeInTheDocument();
    expect(screen.getByText('Microphone working: speak and watch the level.')).toBeInTheDocument();
    expect(screen.getByLabelText('Your camera preview')).toBeInTheDocument();
    expect(screen.getByLabelText('Microphone level')).toBeInTheDocument();
    expect(await screen.findByText('We can hear you.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Check in' }));
    expect(onContinue).toHaveBeenCalledWith({ camera: true, microphone: true });
    unmount();
    expect(camera.stop).toHaveBeenCalled();
    expect(microphone.stop).toHaveBeenCalled();
  });

  it('says access is blocked, still lets the patient continue, and asks again on "Try again"', async () => {
    const getUserMedia = vi
      .fn()
      .mockRejectedValueOnce(failure('NotAllowedError'))
      .mockResolvedValue(stream(track('video'), track('audio')));
    const onContinue = vi.fn();
    render(<DeviceCheck continueLabel="Check in" onContinue={onContinue} media={media(getUserMedia)} />);

    expect(await screen.findByText(/Access to your camera is blocked/)).toBeInTheDocument();
    expect(screen.getByText(/Access to your microphone is blocked/)).toBeInTheDocument();
    expect(screen.getAllByRole('alert')).toHaveLength(2);
    expect(getUserMedia).toHaveBeenCalledTimes(1); // a refusal is not asked again device by device
    expect(screen.getByText(/You can go on without video/)).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Check in' }));
    expect(onContinue).toHaveBeenCalledWith({ camera: false, microphone: false });

    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Camera working: you should see yourself.')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('keeps the microphone when there is no camera, and the patient goes on without video', async () => {
    const getUserMedia = vi.fn(async (constraints: MediaStreamConstraints) => {
      if (constraints.video) throw failure('NotFoundError');
      return stream(track('audio'));
    });
    const onContinue = vi.fn();
    render(<DeviceCheck continueLabel="Check in" onContinue={onContinue} media={media(getUserMedia)} />);

    expect(await screen.findByText(/No camera was found/)).toBeInTheDocument();
    expect(screen.getByText('Microphone working: speak and watch the level.')).toBeInTheDocument();
    expect(screen.queryByLabelText('Your camera preview')).not.toBeInTheDocument();
    expect(screen.getByText(/You can go on without video: the doctor will still hear you,/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Check in' }));
    expect(onContinue).toHaveBeenCalledWith({ camera: false, microphone: true });
  });

  it('says when the camera is in use by another application', async () => {
    const getUserMedia = vi.fn(async (constraints: MediaStreamConstraints) => {
      if (constraints.video) throw failure('NotReadableError');
      return stream(track('audio'));
    });
    render(<DeviceCheck onContinue={vi.fn()} media={media(getUserMedia)} />);
    expect(await screen.findByText(/Your camera is in use by another application/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Continue' })).toBeEnabled();
  });

  it('says so where the browser offers no camera at all', async () => {
    render(<DeviceCheck onContinue={vi.fn()} media={{ getUserMedia: null, createAudioContext: () => null }} />);
    expect(await screen.findByText(/This browser cannot use a camera on this page/)).toBeInTheDocument();
  });

  it('plays a short tone as the speaker test', async () => {
    const audio = fakeAudio();
    render(<DeviceCheck onContinue={vi.fn()} media={media(vi.fn().mockResolvedValue(stream(track('video'), track('audio'))), audio)} />);
    await screen.findByText('Camera working: you should see yourself.');
    await userEvent.click(screen.getByRole('button', { name: 'Play a test sound' }));
    expect(audio.oscillators.at(-1)?.start).toHaveBeenCalled();
    expect(screen.getByText(/You should hear a short tone/)).toBeInTheDocument();
  });

  it('asks the silent patient to speak until the level moves', async () => {
    render(<DeviceCheck onContinue={vi.fn()} media={media(vi.fn().mockResolvedValue(stream(track('audio'))), fakeAudio(0))} />);
    expect(await screen.findByText('Say something: the level moves when we hear you.')).toBeInTheDocument();
    await act(() => new Promise((resolve) => setTimeout(resolve, 250)));
    expect(screen.queryByText('We can hear you.')).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByLabelText('Microphone level')).toHaveAttribute('value', '0'));
  });
});

describe('DeviceCheck in plain words', () => {
  afterEach(async () => {
    await act(() => changeLanguage('en'));
  });

  it('resumes an audio context the browser started suspended, so the level can move', async () => {
    const audio = fakeAudio(0.5, 'suspended');
    render(<DeviceCheck onContinue={vi.fn()} media={media(vi.fn().mockResolvedValue(stream(track('audio'))), audio)} />);
    await screen.findByLabelText('Microphone level');
    // the meter's effect resumes the context after the commit that shows the meter
    await waitFor(() => expect(audio.context.resume).toHaveBeenCalled());
  });

  it('says when no camera meets what the call asks for (OverconstrainedError)', async () => {
    const getUserMedia = vi.fn(async (constraints: MediaStreamConstraints) => {
      if (constraints.video) throw failure('OverconstrainedError');
      return stream(track('audio'));
    });
    render(<DeviceCheck onContinue={vi.fn()} media={media(getUserMedia)} />);
    expect(await screen.findByText(/Your camera cannot deliver the picture the call asks for/)).toBeInTheDocument();
    expect(screen.getByText('Microphone working: speak and watch the level.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it('says when there is no microphone, in its own words', async () => {
    const getUserMedia = vi.fn(async (constraints: MediaStreamConstraints) => {
      if (constraints.audio) throw failure('NotFoundError');
      return stream(track('video'));
    });
    render(<DeviceCheck onContinue={vi.fn()} media={media(getUserMedia)} />);
    expect(await screen.findByText(/No microphone was found. Connect one \(or a headset\)/)).toBeInTheDocument();
    expect(screen.getByText('Camera working: you should see yourself.')).toBeInTheDocument();
    expect(screen.queryByLabelText('Microphone level')).not.toBeInTheDocument();
  });

  it('speaks German once German is chosen, the level as a German percentage', async () => {
    await act(() => changeLanguage('de'));
    const getUserMedia = vi.fn().mockRejectedValueOnce(failure('NotAllowedError')).mockResolvedValue(stream(track('video'), track('audio')));
    render(<DeviceCheck onContinue={vi.fn()} media={media(getUserMedia, fakeAudio(0.5))} />);

    expect(screen.getByRole('heading', { name: 'Kamera und Mikrofon prüfen' })).toHaveFocus();
    expect(await screen.findByText(/Der Zugriff auf Ihre Kamera ist blockiert/)).toBeInTheDocument();
    expect(screen.getByText(/Der Zugriff auf Ihr Mikrofon ist blockiert/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Weiter' })).toBeEnabled();

    await userEvent.click(screen.getByRole('button', { name: 'Erneut versuchen' }));
    expect(await screen.findByText('Die Kamera funktioniert: Sie sollten sich selbst sehen.')).toBeInTheDocument();
    expect(screen.getByLabelText('Vorschau Ihrer Kamera')).toBeInTheDocument();
    expect(await screen.findByText('Wir hören Sie.')).toBeInTheDocument();
    expect(screen.getByLabelText('Mikrofonpegel')).toHaveTextContent(/^100\s%$/);
    await userEvent.click(screen.getByRole('button', { name: 'Testton abspielen' }));
    expect(screen.getByText(/Sie sollten einen kurzen Ton hören/)).toBeInTheDocument();
  });
});

describe('device check helpers', () => {
  it('names the browser errors', () => {
    expect(statusOf(failure('NotAllowedError'))).toBe('denied');
    expect(statusOf(failure('SecurityError'))).toBe('denied');
    expect(statusOf(failure('NotFoundError'))).toBe('missing');
    expect(statusOf(failure('OverconstrainedError'))).toBe('unsuitable');
    expect(statusOf(failure('NotReadableError'))).toBe('busy');
    expect(statusOf(new Error('odd'))).toBe('failed');
  });

  it('measures silence as 0 and a loud signal near 1', () => {
    expect(levelOf(new Uint8Array(64).fill(128))).toBe(0);
    expect(levelOf(Uint8Array.from({ length: 64 }, (_, i) => (i % 2 ? 0 : 255)))).toBe(1);
    expect(levelOf(new Uint8Array(0))).toBe(0);
  });
});
