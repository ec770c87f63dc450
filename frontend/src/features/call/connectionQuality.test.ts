import { describe, expect, it } from 'vitest';
import { classifyQuality, sampleStats, type StatsTotals } from './connectionQuality';

describe('classifyQuality', () => {
  it('is good on a short round trip with almost no loss', () => {
    expect(classifyQuality({ rttMs: 40, lossPercent: 0.5, bitrateKbps: 900 })).toBe('good');
  });

  it('is fair when the round trip is long or some packets are lost', () => {
    expect(classifyQuality({ rttMs: 350, lossPercent: 0, bitrateKbps: 900 })).toBe('fair');
    expect(classifyQuality({ rttMs: 40, lossPercent: 5, bitrateKbps: 900 })).toBe('fair');
  });

  it('is poor on a very long round trip, heavy loss, or nothing arriving', () => {
    expect(classifyQuality({ rttMs: 800, lossPercent: 0, bitrateKbps: 900 })).toBe('poor');
    expect(classifyQuality({ rttMs: 40, lossPercent: 12, bitrateKbps: 900 })).toBe('poor');
    expect(classifyQuality({ rttMs: 40, lossPercent: null, bitrateKbps: 0 })).toBe('poor');
  });

  it('says nothing before there is anything to judge', () => {
    expect(classifyQuality({ rttMs: null, lossPercent: null, bitrateKbps: null })).toBeNull();
  });
});

const pair = { type: 'candidate-pair', id: 'CP1', state: 'succeeded', nominated: true, currentRoundTripTime: 0.12 };
const transport = { type: 'transport', id: 'T1', selectedCandidatePairId: 'CP1' };
const inbound = (id: string, bytesReceived: number, packetsReceived: number, packetsLost: number) => ({ type: 'inbound-rtp', id, bytesReceived, packetsReceived, packetsLost });

describe('sampleStats', () => {
  it('reads the round trip of the selected pair on the first report, loss and bitrate need an interval', () => {
    const { sample, totals } = sampleStats([transport, pair, inbound('a', 1000, 10, 0)], null, 1000);
    expect(sample).toEqual({ rttMs: 120, lossPercent: null, bitrateKbps: null });
    expect(totals).toEqual({ at: 1000, bytesReceived: 1000, packetsReceived: 10, packetsLost: 0 });
  });

  it('measures loss and bitrate over the interval, audio and video together', () => {
    const previous: StatsTotals = { at: 1000, bytesReceived: 1000, packetsReceived: 100, packetsLost: 0 };
    const report = new Map(Object.entries({ T1: transport, CP1: pair, a: inbound('a', 126_000, 190, 5), v: inbound('v', 0, 0, 5) }));
    const { sample } = sampleStats(report as never, previous, 3000);
    // 90 received, 10 lost in 2 s; 125,000 bytes in 2 s = 500 kbit/s
    expect(sample.lossPercent).toBeCloseTo(10);
    expect(sample.bitrateKbps).toBeCloseTo(500);
    expect(classifyQuality(sample)).toBe('poor');
  });

  it('falls back to the remote report round trip when no pair is selected', () => {
    const { sample } = sampleStats([{ type: 'remote-inbound-rtp', id: 'r', roundTripTime: 0.3 }], null, 0);
    expect(sample.rttMs).toBe(300);
    expect(classifyQuality(sample)).toBe('fair');
  });
});
