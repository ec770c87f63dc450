/**
 * The call's peer connection as the call screen sees it. On every new connection a data channel for the media state
 * ("camera off", "muted", "sharing the screen") is opened, negotiated with a fixed id on both sides: it travels in the
 * SDP the call exchanges anyway, so there is no extra offer/answer and nothing new on the signalling contract.
 * Kept tiny on purpose: it is in the first load, the call screen that uses it is not.
 */
export const MEDIA_CHANNEL = { label: 'media-state', id: 7 } as const;

export interface PeerLink {
  pc: RTCPeerConnection;
  /** null where the browser has no data channels: the call works, the state is not shared. */
  channel: RTCDataChannel | null;
  /** The other side's latest message, kept for a call screen that subscribes after it arrived. */
  lastMessage: string | null;
}

let current: PeerLink | null = null;
const listeners = new Set<(link: PeerLink) => void>();

/** Called with each peer connection the call creates, before any offer or answer; returns it. */
export function linkPeer(pc: RTCPeerConnection): RTCPeerConnection {
  let channel: RTCDataChannel | null = null;
  try {
    channel = pc.createDataChannel(MEDIA_CHANNEL.label, { negotiated: true, id: MEDIA_CHANNEL.id });
  } catch {
    /* no data channels here */
  }
  const link: PeerLink = { pc, channel, lastMessage: null };
  channel?.addEventListener('message', (e: MessageEvent) => {
    if (typeof e.data === 'string') link.lastMessage = e.data;
  });
  current = link;
  listeners.forEach((l) => l(link));
  return pc;
}

/** Calls back with the current connection (if any) and each new one; returns the unsubscribe. */
export function onPeerLink(listener: (link: PeerLink) => void): () => void {
  listeners.add(listener);
  // a finished call's connection is of no use to the next call's screen
  if (current && current.pc.connectionState !== 'closed') listener(current);
  return () => {
    listeners.delete(listener);
  };
}
