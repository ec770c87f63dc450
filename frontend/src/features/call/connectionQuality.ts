/**
 * How good the call's connection is, from `RTCPeerConnection.getStats()`: round-trip time, packet loss and the bitrate
 * arriving, reduced to good / fair / poor. Pure functions: the call screen samples the stats every few seconds and
 * keeps the running totals between samples.
 */

export type Quality = 'good' | 'fair' | 'poor';

/** One measurement over the last interval; null where the stats do not say (yet). */
export interface QualitySample {
  rttMs: number | null;
  /** Share of the packets sent to us in the interval that were lost, 0–100. */
  lossPercent: number | null;
  /** What arrived in the interval (audio and video together). */
  bitrateKbps: number | null;
}

/** What the next sample is measured against. */
export interface StatsTotals {
  at: number;
  bytesReceived: number;
  packetsReceived: number;
  packetsLost: number;
}

/** Beyond these a conversation suffers: a noticeable delay (ITU G.114 puts it at 150 ms one way), choppy sound. */
export const THRESHOLDS = {
  good: { rttMs: 200, lossPercent: 2 },
  fair: { rttMs: 500, lossPercent: 8 },
} as const;

/** The level for a sample; null until there is anything to judge. Nothing arriving at all is poor. */
export function classifyQuality(s: QualitySample): Quality | null {
  if (s.rttMs == null && s.lossPercent == null && s.bitrateKbps == null) return null;
  if (s.bitrateKbps != null && s.bitrateKbps <= 0) return 'poor';
  const rtt = s.rttMs ?? 0;
  const loss = s.lossPercent ?? 0;
  if (rtt <= THRESHOLDS.good.rttMs && loss <= THRESHOLDS.good.lossPercent) return 'good';
  if (rtt <= THRESHOLDS.fair.rttMs && loss <= THRESHOLDS.fair.lossPercent) return 'fair';
  return 'poor';
}

type Stat = Record<string, unknown> & { type: string; id: string };

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The candidate pair the transport uses (the selected one, else the nominated succeeded one). */
function selectedPair(stats: Stat[]): Stat | undefined {
  const byId = new Map(stats.map((s) => [s.id, s]));
  for (const s of stats) {
    if (s.type === 'transport' && typeof s.selectedCandidatePairId === 'string') {
      const pair = byId.get(s.selectedCandidatePairId);
      if (pair) return pair;
    }
  }
  return stats.find((s) => s.type === 'candidate-pair' && s.state === 'succeeded' && s.nominated === true);
}

/**
 * Reads one stats report against the previous totals: the sample for the interval since, and the totals for the next.
 * The first report gives the round-trip time only (loss and bitrate need an interval).
 */
export function sampleStats(report: Iterable<Stat> | { forEach: (cb: (s: Stat) => void) => void }, previous: StatsTotals | null, at: number): { sample: QualitySample; totals: StatsTotals } {
  const stats: Stat[] = [];
  if ('forEach' in report) report.forEach((s) => stats.push(s));
  else for (const s of report) stats.push(s);

  const pair = selectedPair(stats);
  let rtt = num(pair?.currentRoundTripTime);
  if (rtt == null) {
    const remote = stats.map((s) => (s.type === 'remote-inbound-rtp' ? num(s.roundTripTime) : null)).filter((v): v is number => v != null);
    if (remote.length) rtt = Math.max(...remote);
  }

  const totals: StatsTotals = { at, bytesReceived: 0, packetsReceived: 0, packetsLost: 0 };
  for (const s of stats) {
    if (s.type !== 'inbound-rtp') continue;
    totals.bytesReceived += num(s.bytesReceived) ?? 0;
    totals.packetsReceived += num(s.packetsReceived) ?? 0;
    totals.packetsLost += Math.max(0, num(s.packetsLost) ?? 0);
  }

  let lossPercent: number | null = null;
  let bitrateKbps: number | null = null;
  const seconds = previous ? (at - previous.at) / 1000 : 0;
  if (previous && seconds > 0) {
    const received = totals.packetsReceived - previous.packetsReceived;
    const lost = totals.packetsLost - previous.packetsLost;
    if (received >= 0 && lost >= 0 && received + lost > 0) lossPercent = (100 * lost) / (received + lost);
    const bytes = totals.bytesReceived - previous.bytesReceived;
    if (bytes >= 0) bitrateKbps = (bytes * 8) / 1000 / seconds;
  }
  return { sample: { rttMs: rtt == null ? null : Math.round(rtt * 1000), lossPercent, bitrateKbps }, totals };
}
