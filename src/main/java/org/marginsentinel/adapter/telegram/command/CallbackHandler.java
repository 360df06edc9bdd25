package org.marginsentinel.adapter.telegram.command;

/**
 * Handles presses of ordinary {@link Button}s whose callback data starts with {@link #prefix()}
 * (for example boards with a refresh button). {@code @ApplicationScoped} beans, chosen by the
 * longest matching prefix. The prefixes {@code cf:} and {@code cx:} are reserved.
 *
 * <p>Anyone in the chat can press a button: <b>checking that the presser may do this is the
 * handler's job</b> (compare {@link CommandContext#userId()} with the owner encoded in the data,
 * or throw {@link org.marginsentinel.application.CommandRejected}, whose message is shown to the
 * presser only). Runs inside the update's transaction. The returned reply replaces the pressed
 * message in place; {@code null} leaves the message as it is.
 */
public interface CallbackHandler {

    /** For example {@code "brd:"}. */
    String prefix();

    /**
     * @param context the presser, the chat and the pressed message's id; no arguments
     * @param data    the callback data <b>after</b> the prefix ({@code "refresh:42"} for {@code "brd:refresh:42"})
     */
    BotReply onPress(CommandContext context, String data);
}
