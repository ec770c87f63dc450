/** The {@code messages} collection and the chat rules. */
package com.healthconnect.messaging.internal;
