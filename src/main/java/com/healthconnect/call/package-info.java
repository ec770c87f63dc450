/**
 * Video consultations: the WebRTC signaling relay between a doctor's and a patient's browsers, who is online
 * (presence), the ICE servers (STUN/TURN with coturn REST credentials) and the call log. Nothing here is used by other
 * modules.
 */
package com.healthconnect.call;
