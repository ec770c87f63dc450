import { Client, ReconnectionTimeMode, type IMessage } from '@stomp/stompjs';
import { api, CSRF_HEADER } from '../api/client';
import type {
  AppNotification,
  Appointment,
  CallAnsweredElsewherePayload,
  CallAnsweredPayload,
  CallFailedPayload,
  CallMadePayload,
  CallPeerPayload,
  IceCandidatePayload,
  Message,
  MessagesReadPayload,
  Presence,
  RealtimeErrorPayload,
  TypingPayload,
} from '../api/types';

/** Every queue of the contract, with the payload it carries. */
export interface RealtimeEvents {
  'call-made': CallMadePayload;
  'call-answered': CallAnsweredPayload;
  'ice-candidate': IceCandidatePayload;
  'call-rejected': CallPeerPayload;
  'call-ended': CallPeerPayload;
  'call-failed': CallFailedPayload;
  'call-answered-elsewhere': CallAnsweredElsewherePayload;
  'call-interrupted': CallPeerPayload;
  'call-rejoined': CallPeerPayload;
  typing: TypingPayload;
  messages: Message;
  'messages-read': MessagesReadPayload;
  appointments: Appointment;
  notifications: AppNotification;
  presence: Presence;
  errors: RealtimeErrorPayload;
}

export type RealtimeQueue = keyof RealtimeEvents;

export const QUEUES: readonly RealtimeQueue[] = [
  'call-made',
  'call-answered',
  'ice-candidate',
  'call-rejected',
  'call-ended',
  'call-failed',
  'call-answered-elsewhere',
  'call-interrupted',
  'call-rejoined',
  'typing',
  'messages',
  'messages-read',
  'appointments',
  'notifications',
  'presence',
  'errors',
];

export type ConnectionStatus = 'offline' | 'connecting' | 'connected' | 'reconnecting';

type Handler<T> = (payload: T) => void;

export function webSocketUrl(loc: Pick<Location, 'protocol' | 'host'> = window.location): string {
  return `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}/ws`;
}

/**
 * The one STOMP connection of the app. Features subscribe to queues by name with
 * {@link on}; the client (re)subscribes to every queue on each connect, so handlers
 * survive reconnects.
 */
export class RealtimeClient {
  private client: Client | null = null;
  private readonly handlers = new Map<RealtimeQueue, Set<Handler<unknown>>>();
  private readonly statusListeners = new Set<(s: ConnectionStatus) => void>();
  private statusValue: ConnectionStatus = 'offline';
  private everConnected = false;

  get status(): ConnectionStatus {
    return this.statusValue;
  }

  connect(): void {
    if (this.client) return;
    this.everConnected = false;
    this.setStatus('connecting');
    const client = new Client({
      brokerURL: webSocketUrl(),
      heartbeatIncoming: 10_000,
      heartbeatOutgoing: 10_000,
      reconnectDelay: 1_000,
      maxReconnectDelay: 30_000,
      reconnectTimeMode: ReconnectionTimeMode.EXPONENTIAL,
      connectionTimeout: 10_000,
      beforeConnect: async (c) => {
        try {
          const { token } = await api.getCsrfToken();
          c.connectHeaders = { [CSRF_HEADER]: token };
        } catch {
          // No token: the CONNECT will be refused and the client retries with backoff.
        }
      },
      onConnect: () => {
        this.everConnected = true;
        this.subscribeAll(client);
        this.setStatus('connected');
      },
      onWebSocketClose: () => {
        if (this.client === client) this.setStatus(this.everConnected ? 'reconnecting' : 'connecting');
      },
      onStompError: (frame) => {
        // A refused CONNECT is often a stale CSRF token: fetch a fresh one for the retry.
        if (/csrf|xsrf|forbidden|denied/i.test(frame.headers.message ?? '')) api.resetCsrfToken();
      },
    });
    this.client = client;
    client.activate();
  }

  async disconnect(): Promise<void> {
    const client = this.client;
    this.client = null;
    this.setStatus('offline');
    if (client) await client.deactivate();
  }

  /** SEND to an `/app/...` destination. Returns false when not connected. */
  publish(destination: string, body: unknown): boolean {
    const client = this.client;
    if (!client || !client.connected) return false;
    client.publish({ destination, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
    return true;
  }

  on<Q extends RealtimeQueue>(queue: Q, handler: Handler<RealtimeEvents[Q]>): () => void {
    let set = this.handlers.get(queue);
    if (!set) {
      set = new Set();
      this.handlers.set(queue, set);
    }
    set.add(handler as Handler<unknown>);
    return () => {
      set.delete(handler as Handler<unknown>);
    };
  }

  onStatus(listener: (s: ConnectionStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /** Deliver a payload as if it came from the server (used by tests and by local echo). */
  emit<Q extends RealtimeQueue>(queue: Q, payload: RealtimeEvents[Q]): void {
    const set = this.handlers.get(queue);
    if (!set) return;
    for (const h of [...set]) {
      try {
        h(payload);
      } catch (e) {
        console.error(`realtime handler for ${queue} failed`, e);
      }
    }
  }

  private subscribeAll(client: Client): void {
    for (const queue of QUEUES) {
      client.subscribe(`/user/queue/${queue}`, (message: IMessage) => this.deliver(queue, message));
    }
  }

  private deliver(queue: RealtimeQueue, message: IMessage): void {
    let payload: unknown;
    try {
      payload = JSON.parse(message.body);
    } catch {
      return;
    }
    this.emit(queue, payload as RealtimeEvents[typeof queue]);
  }

  private setStatus(status: ConnectionStatus): void {
    if (this.statusValue === status) return;
    this.statusValue = status;
    this.statusListeners.forEach((l) => l(status));
  }
}

export const realtime = new RealtimeClient();
