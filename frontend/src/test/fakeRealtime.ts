import { vi } from 'vitest';
import { realtime } from '../realtime/realtimeClient';

/**
 * Keeps the realtime client off the network for a component test: connect and disconnect do nothing, and what the
 * component publishes is recorded (destination, body) in the returned list. Events are fed with `realtime.emit`.
 */
export function stubRealtime(): [string, unknown][] {
  const published: [string, unknown][] = [];
  vi.spyOn(realtime, 'connect').mockImplementation(() => undefined);
  vi.spyOn(realtime, 'disconnect').mockResolvedValue(undefined);
  vi.spyOn(realtime, 'publish').mockImplementation((destination, body) => {
    published.push([destination, body]);
    return true;
  });
  return published;
}
