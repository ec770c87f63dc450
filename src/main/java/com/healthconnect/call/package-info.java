/**
 * Video consultations: the WebRTC signaling relay between a doctor's and a patient's browsers, who is online
 * (presence), the ICE servers (STUN/TURN with coturn REST credentials) and the call log. Nothing here is used by other
 * modules.
 * <p>
 * Reasons a client may see: {@code call-failed {to, reason, callId?}} with {@code offline} (no open session, or the
 * callee's last session closed while ringing), {@code busy} (the callee is ringing or talking with someone) or
 * {@code no-answer} (ring timeout, {@code healthconnect.calls.ring-timeout}, 45 s); the callee then gets
 * {@code call-ended {from, callId, reason: "no-answer"}}. A caller whose socket closes while the call rings ends it
 * for the callee with {@code call-ended {..., reason: "disconnected"}}. An answered call survives a dropped
 * connection: the other side gets {@code call-interrupted {from, callId}}, and a new session of the dropped party (on
 * any instance) sends {@code rejoin-call {callId}} within {@code healthconnect.calls.rejoin-grace} (30 s), upon which
 * the other side gets {@code call-rejoined} and the two renegotiate; otherwise both get {@code call-ended {...,
 * reason: "dropped"}}. A rejected call stops the callee's other tabs ringing with {@code call-ended}. Log outcomes:
 * {@code completed} (answered), {@code missed} (never answered: timeout, caller hung up or left), {@code rejected},
 * {@code failed} (offline or busy: it never rang), {@code dropped} (a party dropped and did not rejoin in time).
 * <p>
 * Until a call is answered its frames go to every session of the other user; afterwards to the one session on each
 * side that takes part. Presence ({@code /user/queue/presence}, {@code GET /api/presence}) is only ever shown to
 * counterparts; anyone else is reported offline.
 */
package com.healthconnect.call;
