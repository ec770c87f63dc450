/** {@code /api/messages} and the {@code /app/chat.send} and {@code /app/typing} destinations. */
package com.healthconnect.messaging.web;
