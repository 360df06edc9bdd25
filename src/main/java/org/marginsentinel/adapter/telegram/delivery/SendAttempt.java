package org.marginsentinel.adapter.telegram.delivery;

import java.time.Duration;

/**
 * What the {@link DeliveryFailurePolicy} needs to know about the message a call tried to deliver.
 *
 * @param failedBefore failed attempts counted before this one
 * @param age          how long ago the message was queued
 * @param rows         outbox rows merged into the call (more than one: a merged message)
 * @param edit         an edit of an earlier message rather than a new one
 * @param photo        a photo with its text as caption
 * @param plainText    already sent without markup after an earlier refusal
 * @param warning      a proactive risk warning (loses its use with age), not a reply or a board
 */
public record SendAttempt(int failedBefore, Duration age, int rows, boolean edit, boolean photo, boolean plainText,
                          boolean warning) {

    /** A single new text message, neither a warning nor retried before: tests build from here. */
    public static SendAttempt firstReply() {
        return new SendAttempt(0, Duration.ZERO, 1, false, false, false, false);
    }

    public SendAttempt afterFailures(int failures) {
        return new SendAttempt(failures, age, rows, edit, photo, plainText, warning);
    }

    public SendAttempt aged(Duration newAge) {
        return new SendAttempt(failedBefore, newAge, rows, edit, photo, plainText, warning);
    }

    public SendAttempt merged(int rowCount) {
        return new SendAttempt(failedBefore, age, rowCount, edit, photo, plainText, warning);
    }

    public SendAttempt asEdit() {
        return new SendAttempt(failedBefore, age, rows, true, photo, plainText, warning);
    }

    public SendAttempt asPhoto() {
        return new SendAttempt(failedBefore, age, rows, edit, true, plainText, warning);
    }

    public SendAttempt asPlainText() {
        return new SendAttempt(failedBefore, age, rows, edit, photo, true, warning);
    }

    public SendAttempt asWarning() {
        return new SendAttempt(failedBefore, age, rows, edit, photo, plainText, true);
    }
}
