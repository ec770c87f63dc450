package com.healthconnect.realtime;

/**
 * What a client finds on {@code /user/queue/errors} when a frame it sent was refused: the problem-detail fields plus
 * the destination it sent to.
 */
public record StompError(int status, String title, String detail, String destination) {
}
