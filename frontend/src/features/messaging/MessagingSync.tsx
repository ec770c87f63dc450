import { useEffect } from 'react';
import { useAuth } from '../auth/AuthProvider';
import { useRealtimeEvent, useRealtimeStatus } from '../../realtime/hooks';
import { conversationsStore } from './conversationsStore';
import { presenceStore } from './presenceStore';

/** Keeps the shared conversation list and presence map in step with the server. Mounted once. */
export function MessagingSync() {
  const { user } = useAuth();
  const status = useRealtimeStatus();
  const userId = user?.id;

  useEffect(() => {
    if (!userId) {
      conversationsStore.reset();
      presenceStore.reset();
      return;
    }
    void conversationsStore.load();
  }, [userId]);

  // After a reconnect we may have missed messages and presence changes.
  useEffect(() => {
    if (userId && status === 'connected') {
      presenceStore.invalidate();
      void conversationsStore.load();
    }
  }, [status, userId]);

  useRealtimeEvent('messages', (m) => {
    if (userId) conversationsStore.onMessage(m, userId);
  });
  useRealtimeEvent('presence', (p) => presenceStore.set(p.userId, p.online));
  return null;
}
