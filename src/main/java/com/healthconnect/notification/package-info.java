/**
 * The notification centre: what happened to a user's appointments (and calls, messages, verification), kept as a list
 * with read state and pushed live on {@code /user/queue/notifications}.
 */
package com.healthconnect.notification;
