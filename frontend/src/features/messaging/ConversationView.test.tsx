import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Message, PatientUser } from '../../api/types';
import { realtime } from '../../realtime/realtimeClient';
import { installFakeServer, jsonResponse, problem } from '../../test/fakeServer';
import { AuthProvider } from '../auth/AuthProvider';
import { CallProvider } from '../call/CallProvider';
import { ConversationView } from './ConversationView';
import { stubRealtime } from '../../test/fakeRealtime';

const me: PatientUser = { id: 'p1', role: 'patient', name: 'Pat', email: 'pat@example.org' };
const msg = (id: string, from: string, text: string, minutesAgo: number, read = false): Message => ({
  id,
  senderId: from,
  receiverId: from === 'p1' ? 'd1' : 'p1',
  type: 'text',
  text,
  read,
  readAt: null,
  createdAt: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
});

function renderView() {
  return render(
    <AuthProvider initialUser={me}>
      <CallProvider>
        <MemoryRouter>
          <ConversationView peerId="d1" />
        </MemoryRouter>
      </CallProvider>
    </AuthProvider>,
  );
}

describe('ConversationView', () => {
  let published: [string, unknown][];
  beforeEach(() => {
    published = stubRealtime();
  });

  it('shows history oldest-first, marks it read, sends, and shows live messages, typing and receipts', async () => {
    const { requests } = installFakeServer({
      'GET /api/doctors/d1': { id: 'd1', name: 'Dr Ada', specialization: 'Cardiology', timeZone: 'UTC', rating: { average: 0, count: 0 }, schedule: [] },
      'GET /api/messages/conversations': [],
      'GET /api/presence': [{ userId: 'd1', online: true }],
      // newest first, as the API sends it
      'GET /api/messages/d1': [msg('m2', 'd1', 'How are you feeling?', 5), msg('m1', 'p1', 'Hello doctor', 10, true)],
      'POST /api/messages/d1/read': () => new Response(null, { status: 204 }),
      'POST /api/messages/d1': (req) => jsonResponse(201, { ...msg('m3', 'p1', (req.body as { text: string }).text, 0) }),
    });
    const user = userEvent.setup();
    renderView();

    const log = await screen.findByRole('log');
    await within(log).findByText('How are you feeling?');
    const items = within(log).getAllByRole('listitem').map((li) => li.textContent);
    expect(items[0]).toContain('Hello doctor');
    expect(items[1]).toContain('How are you feeling?');
    expect(screen.getByRole('heading', { name: 'Dr Ada' })).toBeInTheDocument();
    expect(requests.some((r) => r.method === 'POST' && r.url === '/api/messages/d1/read')).toBe(true);

    await user.type(screen.getByLabelText('Message'), 'Much better');
    expect(published).toContainEqual(['/app/typing', { to: 'd1' }]);
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(await within(log).findByText('Much better')).toBeInTheDocument();
    expect(requests.find((r) => r.method === 'POST' && r.url === '/api/messages/d1')!.body).toEqual({ text: 'Much better' });
    expect(screen.getByLabelText('Message')).toHaveValue('');

    act(() => realtime.emit('typing', { from: 'd1' }));
    expect(screen.getByText('typing…')).toBeInTheDocument();

    act(() => realtime.emit('messages', msg('m4', 'd1', 'Glad to hear it', 0)));
    expect(within(log).getByText('Glad to hear it')).toBeInTheDocument();
    expect(screen.queryByText('typing…')).toBeNull();

    // "Read" sits under our last message the doctor has read: the old one, until a receipt arrives.
    expect(within(log).getByText('Read').closest('li')).toHaveTextContent('Hello doctor');
    act(() => realtime.emit('messages-read', { readerId: 'd1', readAt: new Date(Date.now() + 1000).toISOString() }));
    const receipt = within(log).getByText('Read');
    expect(receipt.closest('li')).toHaveTextContent('Much better');

    // a message from someone else does not land here
    act(() => realtime.emit('messages', { ...msg('m5', 'd9', 'Wrong chat', 0), receiverId: 'p1' }));
    expect(within(log).queryByText('Wrong chat')).toBeNull();
  });

  it('shows a read receipt that arrives before the answer to our own send', async () => {
    let answer: (r: Response) => void = () => undefined;
    installFakeServer({
      'GET /api/doctors/d1': { id: 'd1', name: 'Dr Ada', specialization: 'Cardiology', timeZone: 'UTC', rating: { average: 0, count: 0 }, schedule: [] },
      'GET /api/messages/conversations': [],
      'GET /api/presence': [{ userId: 'd1', online: true }],
      'GET /api/messages/d1': [],
      'POST /api/messages/d1': () => new Promise<Response>((resolve) => (answer = resolve)),
    });
    const user = userEvent.setup();
    renderView();
    const log = await screen.findByRole('log');

    await user.type(screen.getByLabelText('Message'), 'Is it contagious?');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    // the doctor was pushed the message and read it before our POST was answered
    act(() => realtime.emit('messages-read', { readerId: 'd1', readAt: new Date(Date.now() + 1000).toISOString() }));
    expect(within(log).queryByText('Read')).toBeNull();
    await act(async () => answer(jsonResponse(201, msg('m9', 'p1', 'Is it contagious?', 0))));

    expect(await within(log).findByText('Is it contagious?')).toBeInTheDocument();
    expect(within(log).getByText('Read').closest('li')).toHaveTextContent('Is it contagious?');
  });

  it('drops an image error together with the image', async () => {
    installFakeServer({
      'GET /api/doctors/d1': { id: 'd1', name: 'Dr Ada', specialization: 'Cardiology', timeZone: 'UTC', rating: { average: 0, count: 0 }, schedule: [] },
      'GET /api/messages/conversations': [],
      'GET /api/presence': [],
      'GET /api/messages/d1': [],
      'POST /api/messages/d1': () => problem(413, 'Payload Too Large', 'That image is larger than 5 MB.'),
    });
    const user = userEvent.setup();
    renderView();
    await screen.findByRole('log');
    await user.upload(screen.getByLabelText('Attach image'), new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0])], 'scan.jpg', { type: 'image/jpeg' }));
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Remove image' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
