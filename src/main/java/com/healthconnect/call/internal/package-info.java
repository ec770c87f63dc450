/** Call state, signaling rules, presence announcements, ICE credentials and the {@code calls} collection. */
package com.healthconnect.call.internal;
