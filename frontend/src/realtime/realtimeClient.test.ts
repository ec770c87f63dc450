import { afterEach, describe, expect, it, vi } from 'vitest';

// A stand-in for @stomp/stompjs's Client that records what the app asks of it.
const instances: FakeClient[] = [];
class FakeClient {
  connected = false;
  connectHeaders: Record<string, string> = {};
  subscriptions: { destination: string; callback: (m: { body: string }) => void }[] = [];
  published: { destination: string; body: string }[] = [];
  activated = false;
  constructor(readonly config: Record<string, unknown> & { beforeConnect: (c: FakeClient) => Promise<void>; onConnect: () => void }) {
    instances.push(this);
  }
  activate() {
    this.activated = true;
  }
  async deactivate() {
    this.activated = false;
  }
  subscribe(destination: string, callback: (m: { body: string }) => void) {
    this.subscriptions.push({ destination, callback });
    return { unsubscribe: () => undefined };
  }
  publish(p: { destination: string; body: string }) {
    this.published.push(p);
  }
  /** What the library does on a successful CONNECT. */
  async simulateConnect() {
    await this.config.beforeConnect(this);
    this.connected = true;
    this.config.onConnect();
  }
}

vi.mock('@stomp/stompjs', () => ({ Client: FakeClient, ReconnectionTimeMode: { LINEAR: 0, EXPONENTIAL: 1 } }));
vi.mock('../api/client', () => ({
  CSRF_HEADER: 'X-XSRF-TOKEN',
  api: { getCsrfToken: vi.fn(async () => ({ headerName: 'X-XSRF-TOKEN', token: 'tok-9' })), resetCsrfToken: vi.fn() },
}));

const { RealtimeClient, QUEUES, webSocketUrl } = await import('./realtimeClient');

describe('RealtimeClient', () => {
  afterEach(() => {
    instances.length = 0;
  });

  it('connects to /ws with the CSRF header, backoff and heartbeats, and subscribes to every user queue', async () => {
    const rt = new RealtimeClient();
    const statuses: string[] = [];
    rt.onStatus((s) => statuses.push(s));
    rt.connect();
    const client = instances[0];
    expect(client.activated).toBe(true);
    expect(client.config.brokerURL).toBe(webSocketUrl());
    expect(client.config.heartbeatIncoming).toBeGreaterThan(0);
    expect(client.config.heartbeatOutgoing).toBeGreaterThan(0);
    expect(client.config.reconnectTimeMode).toBe(1);
    expect(client.config.maxReconnectDelay).toBeGreaterThan(client.config.reconnectDelay as number);

    await client.simulateConnect();
    expect(client.connectHeaders).toEqual({ 'X-XSRF-TOKEN': 'tok-9' });
    expect(client.subscriptions.map((s) => s.destination)).toEqual(QUEUES.map((q) => `/user/queue/${q}`));
    expect(QUEUES).toEqual(
      expect.arrayContaining(['call-made', 'call-answered', 'ice-candidate', 'call-rejected', 'call-ended', 'call-failed', 'call-answered-elsewhere', 'typing', 'messages', 'messages-read', 'appointments', 'presence', 'errors']),
    );
    expect(statuses).toEqual(['connecting', 'connected']);
  });

  it('hands parsed payloads to handlers of that queue only, and publishes JSON', async () => {
    const rt = new RealtimeClient();
    expect(rt.publish('/app/typing', { to: 'x' })).toBe(false); // not connected yet
    rt.connect();
    const client = instances[0];
    await client.simulateConnect();

    const onTyping = vi.fn();
    const onPresence = vi.fn();
    const off = rt.on('typing', onTyping);
    rt.on('presence', onPresence);
    client.subscriptions.find((s) => s.destination === '/user/queue/typing')!.callback({ body: '{"from":"u2"}' });
    expect(onTyping).toHaveBeenCalledWith({ from: 'u2' });
    expect(onPresence).not.toHaveBeenCalled();

    off();
    client.subscriptions.find((s) => s.destination === '/user/queue/typing')!.callback({ body: '{"from":"u3"}' });
    expect(onTyping).toHaveBeenCalledTimes(1);

    expect(rt.publish('/app/typing', { to: 'u2' })).toBe(true);
    expect(client.published).toEqual([expect.objectContaining({ destination: '/app/typing', body: '{"to":"u2"}' })]);

    await rt.disconnect();
    expect(client.activated).toBe(false);
    expect(rt.status).toBe('offline');
  });
});
