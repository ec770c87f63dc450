import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { CallSnapshot } from './callController';
import { CallEndedNotice } from './CallEndedNotice';
import { initialCallState } from './callMachine';
import { CallScreen } from './CallScreen';
import { linkPeer } from './peerLink';

// The chat beside the call is the messaging feature's own view, tested there.
vi.mock('../messaging/ConversationView', () => ({ ConversationView: ({ peerId }: { peerId: string }) => <p>chat with {peerId}</p> }));

class FakeChannel extends EventTarget {
  readyState: RTCDataChannelState = 'connecting';
  sent: string[] = [];
  send(data: string) {
    this.sent.push(data);
  }
  open() {
    this.readyState = 'open';
    this.dispatchEvent(new Event('open'));
  }
  receive(data: unknown) {
    this.dispatchEvent(new MessageEvent('message', { data: JSON.stringify(data) }));
  }
}

function fakePeer(rtt = 0.05) {
  const channel = new FakeChannel();
  const pc = {
    connectionState: 'connected',
    createDataChannel: () => channel,
    getSenders: () => [],
    getStats: async () => [
      { type: 'transport', id: 'T', selectedCandidatePairId: 'P' },
      { type: 'candidate-pair', id: 'P', state: 'succeeded', nominated: true, currentRoundTripTime: rtt },
    ],
  };
  linkPeer(pc as unknown as RTCPeerConnection);
  return { channel, pc };
}

function snapshot(patch: Partial<CallSnapshot> = {}): CallSnapshot {
  return {
    call: { ...initialCallState('p1'), phase: 'connected', peer: { id: 'd1', name: 'Dr Ada' }, connectionState: 'connected', connectedAt: Date.now() },
    localStream: null,
    remoteStream: null,
    micOn: true,
    cameraOn: true,
    hasVideo: true,
    ...patch,
  };
}

const noop = () => undefined;
const sentStates = (channel: FakeChannel) => channel.sent.map((m) => JSON.parse(m));

describe('CallScreen', () => {
  it('tells the other side our camera and microphone when the channel opens and when they change', async () => {
    const { channel } = fakePeer();
    const { rerender } = render(<CallScreen snapshot={snapshot()} onHangUp={noop} onToggleMic={noop} onToggleCamera={noop} />);
    await screen.findByText('Connection: good');
    expect(channel.sent).toEqual([]);
    act(() => channel.open());
    expect(sentStates(channel)).toEqual([{ type: 'media-state', camera: true, mic: true, screen: false }]);
    rerender(<CallScreen snapshot={snapshot({ cameraOn: false, micOn: false })} onHangUp={noop} onToggleMic={noop} onToggleCamera={noop} />);
    expect(sentStates(channel).at(-1)).toEqual({ type: 'media-state', camera: false, mic: false, screen: false });
  });

  it('shows what the other side says: camera off, muted, sharing the screen', async () => {
    const { channel } = fakePeer();
    render(<CallScreen snapshot={snapshot()} onHangUp={noop} onToggleMic={noop} onToggleCamera={noop} />);
    await screen.findByText('Connection: good');
    const state = screen.getByRole('status', { name: 'What Dr Ada sends' });
    expect(state).toHaveTextContent('');
    act(() => channel.receive({ type: 'media-state', camera: false, mic: false, screen: false }));
    expect(state).toHaveTextContent('Camera off');
    expect(state).toHaveTextContent('Muted');
    act(() => channel.receive({ type: 'media-state', camera: false, mic: true, screen: true }));
    expect(state).toHaveTextContent('Sharing their screen');
    expect(state).not.toHaveTextContent('Camera off');
    expect(state).not.toHaveTextContent('Muted');
  });

  it('shows the connection quality in words', async () => {
    fakePeer(0.8);
    render(<CallScreen snapshot={snapshot()} onHangUp={noop} onToggleMic={noop} onToggleCamera={noop} />);
    expect(await screen.findByText('Connection: poor')).toBeInTheDocument();
  });

  it('shows the connection as poor while it is interrupted', async () => {
    const { pc } = fakePeer(0.05);
    render(<CallScreen snapshot={snapshot()} onHangUp={noop} onToggleMic={noop} onToggleCamera={noop} />);
    await screen.findByText('Connection: good');
    pc.connectionState = 'disconnected';
    expect(await screen.findByText('Connection: poor', {}, { timeout: 5000 })).toBeInTheDocument();
  });

  it('opens the chat with the same person beside the call', async () => {
    const user = userEvent.setup();
    fakePeer();
    render(<CallScreen snapshot={snapshot()} onHangUp={noop} onToggleMic={noop} onToggleCamera={noop} />);
    await screen.findByText('Connection: good');
    const chat = screen.getByRole('button', { name: 'Chat' });
    expect(chat).toHaveAttribute('aria-expanded', 'false');
    await user.click(chat);
    expect(chat).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('complementary', { name: 'Chat' })).toHaveTextContent('chat with d1');
  });
});

describe('CallEndedNotice', () => {
  it('does not style the other side hanging up as a warning, a failure still is', () => {
    const ended = (endReason: 'remote-hung-up' | 'network') =>
      snapshot({ call: { ...initialCallState('p1'), phase: 'ended', peer: { id: 'd1', name: 'Dr Ada' }, endReason } });
    const { rerender } = render(<CallEndedNotice snapshot={ended('remote-hung-up')} onClose={noop} />);
    expect(screen.getByRole('status')).not.toHaveClass('toast--warn');
    rerender(<CallEndedNotice snapshot={ended('network')} onClose={noop} />);
    expect(screen.getByRole('status')).toHaveClass('toast--warn');
  });
});
