package org.marginsentinel.adapter.telegram.alerts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.marginsentinel.adapter.telegram.command.Button;
import org.marginsentinel.adapter.telegram.connection.TelegramConfig;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.adapter.telegram.store.Confirmations;
import org.marginsentinel.adapter.telegram.trading.WarningTicket;
import org.marginsentinel.application.port.Notice;
import org.marginsentinel.domain.alert.RecommendedAction;

/**
 * Issues a warning's action buttons for the owner's private chat (group notices carry none): their state is a row
 * written in the warning's own transaction, usable once by the owner until {@code warning-button-ttl} runs out,
 * so a press after a restart still works once.
 */
@ApplicationScoped
public class WarningButtons {

    @Inject
    Confirmations confirmations;

    @Inject
    TelegramConfig config;

    @Inject
    Clock clock;

    /** The rows of buttons under {@code notice}, labelled with {@code texts}; none for notices that are not level warnings. */
    public List<List<Button>> issue(Notice notice, Texts texts) {
        Optional<WarningTicket> ticket = WarningTicket.of(notice);
        if (ticket.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        long id = confirmations.createWithWarning(notice.userId(), WarningTicket.ACTION_KEY, ticket.get().payload(),
                now, now.plus(config.warningButtonTtl()));
        return ticket.get().buttons(id, recommended(notice), texts);
    }

    private static Optional<RecommendedAction> recommended(Notice notice) {
        if (notice instanceof Notice.PositionWarning warning) {
            return warning.recommended();
        }
        return notice instanceof Notice.PoolWarning warning ? warning.recommended() : Optional.empty();
    }
}
