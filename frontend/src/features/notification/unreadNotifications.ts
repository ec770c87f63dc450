import { useEffect, useSyncExternalStore } from 'react';
import { notificationsApi } from '../../api/endpoints';
import { realtime } from '../../realtime/realtimeClient';

/** The unread-notification count the bell shows: loaded once, raised by each push, refreshed after reads. */
let unread = 0;
const listeners = new Set<() => void>();

function set(value: number) {
  unread = value;
  listeners.forEach((l) => l());
}

export async function refreshUnread(): Promise<void> {
  try {
    const page = await notificationsApi.list(true, 0, 1);
    set(page.totalElements);
  } catch {
    // signed out or offline: keep the last count
  }
}

export function useUnreadNotifications(enabled: boolean): number {
  useEffect(() => {
    if (!enabled) {
      set(0);
      return;
    }
    void refreshUnread();
    return realtime.on('notifications', () => set(unread + 1));
  }, [enabled]);
  return useSyncExternalStore(
    (cb) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    () => unread,
    () => 0,
  );
}
