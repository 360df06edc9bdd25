package org.marginsentinel.application.port;

/**
 * What a warning, an alert state or a queued message is about: one isolated position, one user's cross pool, or
 * the user's account as a whole. One type instead of string spellings; {@link #key()} is the one spelling for
 * stores and supersede keys.
 */
public sealed interface Subject {

    /** {@code "position:<id>"}, {@code "cross:<userId>"} or {@code "account:<userId>"}; stable (alert states are stored by it). */
    String key();

    /** One position, by its id ({@code Position.id()}, the database id for paper positions; not the user's number). */
    record Position(String positionId) implements Subject {

        public Position {
            if (positionId == null || positionId.isBlank()) {
                throw new IllegalArgumentException("positionId must not be blank");
            }
        }

        @Override
        public String key() {
            return "position:" + positionId;
        }
    }

    /** A user's cross margin pool: every cross position and the cross wallet together. */
    record CrossPool(long userId) implements Subject {
        @Override
        public String key() {
            return "cross:" + userId;
        }
    }

    /** A user's account as a whole (price feed pauses, an isolated liquidation whose notice names no position id). */
    record Account(long userId) implements Subject {
        @Override
        public String key() {
            return "account:" + userId;
        }
    }

    static Subject position(long positionId) {
        return new Position(String.valueOf(positionId));
    }

    static Subject crossPool(long userId) {
        return new CrossPool(userId);
    }
}
