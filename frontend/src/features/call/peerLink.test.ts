import { describe, expect, it, vi } from 'vitest';
import { MEDIA_CHANNEL, linkPeer, onPeerLink } from './peerLink';

class FakeChannel extends EventTarget {
  readyState = 'connecting';
}

function fakePeer() {
  const channel = new FakeChannel();
  const pc = { createDataChannel: vi.fn(() => channel) };
  return { pc: pc as unknown as RTCPeerConnection, channel, createDataChannel: pc.createDataChannel };
}

describe('linkPeer', () => {
  it('opens the media-state channel negotiated with its fixed id, so no extra offer is needed', () => {
    const { pc, createDataChannel } = fakePeer();
    expect(linkPeer(pc)).toBe(pc);
    expect(createDataChannel).toHaveBeenCalledWith(MEDIA_CHANNEL.label, { negotiated: true, id: MEDIA_CHANNEL.id });
  });

  it('hands each new connection to the subscribers, the current one at once, with the last message kept', () => {
    const first = fakePeer();
    linkPeer(first.pc);
    first.channel.dispatchEvent(new MessageEvent('message', { data: '{"type":"media-state"}' }));
    const seen: Array<{ pc: RTCPeerConnection; lastMessage: string | null }> = [];
    const off = onPeerLink((link) => seen.push(link));
    expect(seen[0].pc).toBe(first.pc);
    expect(seen[0].lastMessage).toBe('{"type":"media-state"}');
    const second = fakePeer();
    linkPeer(second.pc);
    expect(seen[1].pc).toBe(second.pc);
    off();
    linkPeer(fakePeer().pc);
    expect(seen).toHaveLength(2);
  });

  it('does not hand the connection of a finished call to the next call screen', () => {
    const { pc } = fakePeer();
    linkPeer(pc);
    (pc as unknown as { connectionState: string }).connectionState = 'closed';
    const seen: unknown[] = [];
    onPeerLink((link) => seen.push(link))();
    expect(seen).toEqual([]);
  });

  it('keeps the call going where the browser has no data channels', () => {
    const pc = { createDataChannel: () => { throw new Error('not supported'); } } as unknown as RTCPeerConnection;
    expect(linkPeer(pc)).toBe(pc);
    const seen: Array<RTCDataChannel | null> = [];
    onPeerLink((link) => seen.push(link.channel))();
    expect(seen).toEqual([null]);
  });
});
