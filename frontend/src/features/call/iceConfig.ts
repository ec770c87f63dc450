/**
 * The RTCPeerConnection configuration from `GET /api/calls/ice-servers`: the servers, and `iceTransportPolicy: 'relay'`
 * when the server asks for relay candidates only (`healthconnect.turn.relay-only`).
 */
import type { IceServerConfig } from '../../api/types';

export function rtcConfiguration(config: IceServerConfig): RTCConfiguration {
  const iceServers = (config.iceServers ?? []) as RTCIceServer[];
  return config.iceTransportPolicy === 'relay' ? { iceServers, iceTransportPolicy: 'relay' } : { iceServers };
}

/** What the controller's `getIceServers` gives: a bare server list (older callers) or a whole configuration. */
export function asConfiguration(servers: RTCIceServer[] | RTCConfiguration): RTCConfiguration {
  return Array.isArray(servers) ? { iceServers: servers } : servers;
}
