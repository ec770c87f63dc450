import { useEffect, useSyncExternalStore } from 'react';
import { presenceApi } from '../../api/endpoints';

/** Who is online, as far as we have asked or been told. */
class PresenceStore {
  private map: ReadonlyMap<string, boolean> = new Map();
  private readonly listeners = new Set<() => void>();
  private readonly requested = new Set<string>();

  getSnapshot = () => this.map;
  subscribe = (l: () => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  set(userId: string, online: boolean): void {
    if (this.map.get(userId) === online) return;
    const next = new Map(this.map);
    next.set(userId, online);
    this.map = next;
    this.listeners.forEach((l) => l());
  }

  /** Ask the server about ids we know nothing of yet. */
  async ensure(ids: string[]): Promise<void> {
    const missing = ids.filter((id) => !this.requested.has(id));
    if (!missing.length) return;
    missing.forEach((id) => this.requested.add(id));
    try {
      const result = await presenceApi.get(missing);
      result.forEach((p) => this.set(p.userId, p.online));
    } catch {
      missing.forEach((id) => this.requested.delete(id));
    }
  }

  /** After a reconnect our view may be stale: ask again about everyone we know. */
  invalidate(): void {
    const ids = [...new Set([...this.requested, ...this.map.keys()])];
    this.requested.clear();
    if (ids.length) void this.ensure(ids);
  }

  reset(): void {
    this.requested.clear();
    this.map = new Map();
    this.listeners.forEach((l) => l());
  }
}

export const presenceStore = new PresenceStore();

/** Presence for these users (undefined while unknown); live via /user/queue/presence. */
export function usePresence(ids: string[]): ReadonlyMap<string, boolean> {
  const key = [...new Set(ids)].sort().join(',');
  useEffect(() => {
    if (key) void presenceStore.ensure(key.split(','));
  }, [key]);
  return useSyncExternalStore(presenceStore.subscribe, presenceStore.getSnapshot, presenceStore.getSnapshot);
}
