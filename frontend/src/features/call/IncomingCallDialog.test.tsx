import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { initialCallState } from './callMachine';
import type { CallSnapshot } from './callController';
import { IncomingCallDialog } from './IncomingCallDialog';

const snapshot: CallSnapshot = {
  call: { ...initialCallState('me'), phase: 'incoming-ringing', peer: { id: 'p1', name: 'Dr Ada' }, callId: 'c1' },
  localStream: null,
  remoteStream: null,
  micOn: true,
  cameraOn: true,
  hasVideo: false,
};

describe('IncomingCallDialog', () => {
  it('is a labelled modal dialog with focus on Answer', () => {
    render(<IncomingCallDialog snapshot={snapshot} onAnswer={() => undefined} onDecline={() => undefined} />);
    const dialog = screen.getByRole('dialog', { name: 'Incoming video call' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(dialog).toHaveAccessibleDescription('Dr Ada is calling you.');
    expect(screen.getByRole('button', { name: 'Answer' })).toHaveFocus();
  });

  it('answers, declines, keeps Tab inside, and never declines on Escape', async () => {
    const onAnswer = vi.fn();
    const onDecline = vi.fn();
    const user = userEvent.setup();
    render(<IncomingCallDialog snapshot={snapshot} onAnswer={onAnswer} onDecline={onDecline} />);

    await user.tab();
    expect(screen.getByRole('button', { name: 'Decline' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Answer' })).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'Answer' }));
    expect(onAnswer).toHaveBeenCalledTimes(1);
    await user.keyboard('{Escape}');
    expect(onDecline).not.toHaveBeenCalled();
    expect(screen.getByRole('dialog', { name: 'Incoming video call' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Decline' }));
    expect(onDecline).toHaveBeenCalledTimes(1);
  });
});
