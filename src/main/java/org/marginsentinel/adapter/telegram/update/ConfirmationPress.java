package org.marginsentinel.adapter.telegram.update;

import java.util.Optional;
import org.marginsentinel.adapter.telegram.command.CommandRegistry;

/**
 * The callback data of a question's buttons: {@code cf:<id>} (Confirm), {@code cx:<id>} (Cancel) or, for a question
 * with choices, {@code cf:<id>:<choice>}.
 *
 * @param choice the pressed choice's index, or null for Confirm / Cancel (-1 when the data names no valid choice)
 */
record ConfirmationPress(long id, Integer choice) {

    static Optional<ConfirmationPress> parse(String data) {
        if (data == null || data.length() <= CommandRegistry.CONFIRM_PREFIX.length()) {
            return Optional.empty();
        }
        String rest = data.substring(CommandRegistry.CONFIRM_PREFIX.length());
        int colon = rest.indexOf(':');
        try {
            long id = Long.parseLong(colon < 0 ? rest : rest.substring(0, colon));
            return Optional.of(new ConfirmationPress(id, colon < 0 ? null : choiceIndex(rest.substring(colon + 1))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static int choiceIndex(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
