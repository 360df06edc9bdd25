package org.marginsentinel.adapter.telegram.groups;

import org.marginsentinel.adapter.telegram.command.CommandContext;
import org.marginsentinel.application.CommandRejected;

/** Refuses group commands typed in a private chat. */
final class GroupOnly {

    private GroupOnly() {
    }

    static void require(CommandContext context, String command) {
        if (context.privateChat()) {
            throw new CommandRejected(context.texts().get("refusals.group.only.refused", command));
        }
    }
}
