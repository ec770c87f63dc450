import { useSyncExternalStore } from 'react';
import { messagesApi } from '../../api/endpoints';
import type { Conversation, Message } from '../../api/types';

interface ConversationsState {
  conversations: Conversation[] | null;
  error: unknown;
  loading: boolean;
}

/** The conversation list with unread counts, shared by the header badge and the messages page. */
class ConversationsStore {
  private state: ConversationsState = { conversations: null, error: null, loading: false };
  private readonly listeners = new Set<() => void>();
  /** The conversation on screen, whose incoming messages are read at once. */
  activeUserId: string | null = null;
  private loadSeq = 0;

  getSnapshot = () => this.state;
  subscribe = (l: () => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  private set(patch: Partial<ConversationsState>) {
    this.state = { ...this.state, ...patch };
    this.listeners.forEach((l) => l());
  }

  async load(): Promise<void> {
    const seq = ++this.loadSeq;
    this.set({ loading: true, error: null });
    try {
      const list = await messagesApi.conversations();
      if (seq !== this.loadSeq) return;
      this.set({
        conversations: list.map((c) => (c.user.id === this.activeUserId ? { ...c, unreadCount: 0 } : c)),
        loading: false,
      });
    } catch (e) {
      if (seq !== this.loadSeq) return;
      this.set({ error: e, loading: false });
    }
  }

  reset(): void {
    this.loadSeq++;
    this.activeUserId = null;
    this.set({ conversations: null, error: null, loading: false });
  }

  /** A message sent or received in any session of ours. */
  onMessage(message: Message, selfId: string): void {
    const list = this.state.conversations;
    if (!list) return;
    const otherId = message.senderId === selfId ? message.receiverId : message.senderId;
    const existing = list.find((c) => c.user.id === otherId);
    if (!existing) {
      void this.load(); // a new conversation: fetch it with the other person's name
      return;
    }
    const incoming = message.senderId !== selfId;
    const updated: Conversation = {
      ...existing,
      lastMessage: message,
      unreadCount: incoming && this.activeUserId !== otherId ? existing.unreadCount + 1 : existing.unreadCount,
    };
    this.set({ conversations: [updated, ...list.filter((c) => c !== existing)] });
  }

  markRead(userId: string): void {
    const list = this.state.conversations;
    if (!list) return;
    if (!list.some((c) => c.user.id === userId && c.unreadCount > 0)) return;
    this.set({ conversations: list.map((c) => (c.user.id === userId ? { ...c, unreadCount: 0 } : c)) });
  }
}

export const conversationsStore = new ConversationsStore();

export function useConversations(): ConversationsState {
  return useSyncExternalStore(conversationsStore.subscribe, conversationsStore.getSnapshot, conversationsStore.getSnapshot);
}
