/** The {@code /app/...} signaling destinations and the {@code /api/calls} and {@code /api/presence} endpoints. */
package com.healthconnect.call.web;
