package org.marginsentinel.adapter.telegram.watch;

import org.marginsentinel.adapter.telegram.command.CommandContext;
import org.marginsentinel.application.CommandRejected;

/** Watched accounts are nobody else's business: their commands work in private chats only. */
final class PrivateOnly {

    private PrivateOnly() {
    }

    static void require(CommandContext context, String command) {
        if (!context.privateChat()) {
            throw new CommandRejected(context.texts().get("refusals.watch.privateOnly.refused", command));
        }
    }
}
