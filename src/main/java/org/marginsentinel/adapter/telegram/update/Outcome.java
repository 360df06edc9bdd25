package org.marginsentinel.adapter.telegram.update;

/**
 * What to do after an update's transaction committed: answer the button press (if it was one)
 * with this short text.
 */
record Outcome(boolean duplicate, String callbackAnswer, boolean alert) {

    static final Outcome DONE = new Outcome(false, null, false);
    static final Outcome DUPLICATE = new Outcome(true, null, false);

    static Outcome answer(String text) {
        return new Outcome(false, text, false);
    }

    static Outcome alert(String text) {
        return new Outcome(false, text, true);
    }
}
