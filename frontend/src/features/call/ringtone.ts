import type { RingTone } from './callMachine';

/**
 * A short synthesised ring: two-tone bursts for an incoming call, a soft single
 * tone (ring-back) while our own call rings. No audio files to ship or load.
 */
export class Ringer {
  private ctx: AudioContext | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private current: RingTone = null;

  play(tone: RingTone): void {
    if (tone === this.current) return;
    this.stop();
    if (!tone) return;
    this.current = tone;
    const Ctx = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!Ctx) return;
    try {
      this.ctx = this.ctx ?? new Ctx();
      void this.ctx.resume().catch(() => undefined);
    } catch {
      return; // audio unavailable: the visual ringing still shows
    }
    const burst = () => (tone === 'incoming' ? this.incomingBurst() : this.ringbackBurst());
    burst();
    this.timer = setInterval(burst, tone === 'incoming' ? 2_000 : 4_000);
  }

  stop(): void {
    this.current = null;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private beep(freq: number, start: number, duration: number, volume: number): void {
    const ctx = this.ctx;
    if (!ctx) return;
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = 'sine';
    osc.frequency.value = freq;
    const t0 = ctx.currentTime + start;
    gain.gain.setValueAtTime(0, t0);
    gain.gain.linearRampToValueAtTime(volume, t0 + 0.02);
    gain.gain.setValueAtTime(volume, t0 + duration - 0.05);
    gain.gain.linearRampToValueAtTime(0, t0 + duration);
    osc.connect(gain).connect(ctx.destination);
    osc.start(t0);
    osc.stop(t0 + duration + 0.01);
  }

  private incomingBurst(): void {
    this.beep(880, 0, 0.35, 0.18);
    this.beep(660, 0.4, 0.35, 0.18);
  }

  private ringbackBurst(): void {
    this.beep(440, 0, 1.2, 0.06);
  }
}
