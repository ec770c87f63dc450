/** Endpoint and broker configuration, handshake and frame guards, socket lifetime and STOMP error replies. */
package com.healthconnect.realtime.internal;
