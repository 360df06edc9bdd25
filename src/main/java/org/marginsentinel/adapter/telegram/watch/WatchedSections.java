package org.marginsentinel.adapter.telegram.watch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.marginsentinel.adapter.telegram.command.CommandContext;
import org.marginsentinel.application.OpenOrder;
import org.marginsentinel.application.watch.KeyedInsights;
import org.marginsentinel.application.watch.WatchedInsights;
import org.marginsentinel.domain.insight.Shock;

/**
 * The real accounts' part of {@code /stress}, {@code /compare} and {@code /whatif}: the watched Hyperliquid accounts,
 * then the keyed ones, each numbered as in {@code /watch}. Empty outside a private chat (nobody else's business) and
 * when the user watches nothing the tool can run on.
 */
@ApplicationScoped
public class WatchedSections {

    @Inject
    WatchedInsights hyperliquid;

    @Inject
    KeyedInsights keyed;

    public String stress(CommandContext context, Shock shock) {
        if (!context.privateChat()) {
            return "";
        }
        return WatchedInsightText.stress(hyperliquid.stress(context.userId(), shock), context.texts())
                + KeyedInsightText.stress(keyed.stress(context.userId(), shock), context.texts());
    }

    public String compare(CommandContext context) {
        if (!context.privateChat()) {
            return "";
        }
        return WatchedInsightText.compare(hyperliquid.compare(context.userId()), context.texts())
                + KeyedInsightText.compare(keyed.compare(context.userId()), context.texts());
    }

    public String whatIf(CommandContext context, OpenOrder order) {
        if (!context.privateChat()) {
            return "";
        }
        return WatchedInsightText.whatIf(hyperliquid.whatIf(context.userId(), order), context.texts())
                + KeyedInsightText.whatIf(keyed.whatIf(context.userId(), order), context.texts());
    }
}
