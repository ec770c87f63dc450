/**
 * Chat between a connected doctor and patient: history, conversations with unread counts, read receipts, typing
 * signals and image messages (stored by the media module), each message persisted before it is pushed.
 */
package com.healthconnect.messaging;
