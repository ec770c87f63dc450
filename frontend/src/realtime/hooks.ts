import { useEffect, useRef, useSyncExternalStore } from 'react';
import { realtime, type ConnectionStatus, type RealtimeEvents, type RealtimeQueue } from './realtimeClient';

/** Runs `handler` for every payload on `/user/queue/<queue>` while the component is mounted. */
export function useRealtimeEvent<Q extends RealtimeQueue>(
  queue: Q,
  handler: (payload: RealtimeEvents[Q]) => void,
): void {
  const ref = useRef(handler);
  useEffect(() => {
    ref.current = handler;
  });
  useEffect(() => realtime.on(queue, (p) => ref.current(p)), [queue]);
}

export function useRealtimeStatus(): ConnectionStatus {
  return useSyncExternalStore(
    (cb) => realtime.onStatus(cb),
    () => realtime.status,
    () => 'offline' as ConnectionStatus,
  );
}
