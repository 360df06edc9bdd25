package org.marginsentinel.adapter.telegram.command;

/**
 * The second half of a {@link BotReply#confirm confirmation}: runs when the owner of the question
 * presses Confirm in time. Implementations are {@code @ApplicationScoped} beans, matched by
 * {@link #key()}.
 *
 * <p>Runs inside the transaction that marks the confirmation used, so it runs at most once;
 * {@link org.marginsentinel.application.CommandRejected} rolls its work back and the question is
 * edited to show the refusal. The returned reply replaces the question in place (its buttons, if
 * any, replace Confirm / Cancel).
 */
public interface ConfirmableAction {

    /** Matches {@link Confirmation#actionKey()}, e.g. {@code "close"}. */
    String key();

    /**
     * @param context the presser (always the owner), the chat and the question's message id;
     *                no arguments
     * @param payload what the command stored with the question
     */
    BotReply confirmed(CommandContext context, String payload);
}
