/** What one side of a call sends the other about its own media, over the peer link's data channel. */
export interface MediaState {
  camera: boolean;
  mic: boolean;
  screen: boolean;
}

/** Until the other side says otherwise: everything on, as a call starts. */
export const ASSUMED_REMOTE: MediaState = { camera: true, mic: true, screen: false };

export function encodeMediaState(state: MediaState): string {
  return JSON.stringify({ type: 'media-state', camera: state.camera, mic: state.mic, screen: state.screen });
}

/** The state in a message from the other side; null for anything else (a newer version's message, garbage). */
export function decodeMediaState(data: unknown): MediaState | null {
  if (typeof data !== 'string' || data.length > 1000) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return null;
  }
  if (!parsed || typeof parsed !== 'object') return null;
  const m = parsed as Record<string, unknown>;
  if (m.type !== 'media-state' || typeof m.camera !== 'boolean' || typeof m.mic !== 'boolean') return null;
  return { camera: m.camera, mic: m.mic, screen: m.screen === true };
}
