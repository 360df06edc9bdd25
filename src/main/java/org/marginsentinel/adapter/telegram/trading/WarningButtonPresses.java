package org.marginsentinel.adapter.telegram.trading;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.marginsentinel.adapter.telegram.command.BotReply;
import org.marginsentinel.adapter.telegram.command.CallbackHandler;
import org.marginsentinel.adapter.telegram.command.CommandContext;
import org.marginsentinel.adapter.telegram.command.ConfirmableAction;
import org.marginsentinel.adapter.telegram.format.Html;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.adapter.telegram.store.Confirmations;
import org.marginsentinel.adapter.telegram.store.LockedConfirmation;
import org.marginsentinel.application.AccountSnapshot;
import org.marginsentinel.application.CommandRejected;
import org.marginsentinel.application.PaperTrading;
import org.marginsentinel.application.TradeResult;
import org.marginsentinel.application.alert.AlertSettings;
import org.marginsentinel.application.alert.OrderStandings;
import org.marginsentinel.application.port.StoredPosition;

/**
 * Presses of a warning's action buttons ({@link WarningTicket}): only the owner, only once, only before the
 * deadline; anyone else is refused and nothing changes. Adding margin, depositing and snoozing happen at once and
 * the warning is edited into the result; a close turns the warning into a Confirm / Cancel question
 * ({@link WarningCloseAction}). The press and its action commit together, so a refused action leaves the buttons usable.
 */
@ApplicationScoped
public class WarningButtonPresses implements CallbackHandler, ConfirmableAction {

    static final String NOT_YOURS = "refusals.warning.notYours.refused";
    static final String GONE = "refusals.warning.gone.refused";
    static final String USED = "refusals.warning.used.refused";
    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    @Inject
    Confirmations confirmations;

    @Inject
    PaperTrading trading;

    @Inject
    OrderStandings standings;

    @Inject
    AlertSettings settings;

    @Inject
    Clock clock;

    @Override
    public String prefix() {
        return WarningTicket.PREFIX;
    }

    /** A warning's button row is never a Confirm / Cancel question: a forged Confirm press on it is refused. */
    @Override
    public String key() {
        return WarningTicket.ACTION_KEY;
    }

    @Override
    public BotReply confirmed(CommandContext context, String payload) {
        throw CommandRejected.text(GONE);
    }

    @Override
    public BotReply onPress(CommandContext context, String data) {
        String[] parts = data.split(":", 2);
        Long id = parts.length == 2 && parts[0].matches("\\d{1,18}") ? Long.valueOf(parts[0]) : null;
        LockedConfirmation row = id == null ? null : confirmations.lock(id)
                .filter(c -> c.actionKey().equals(WarningTicket.ACTION_KEY)).orElse(null);
        if (row == null) {
            throw CommandRejected.text(GONE);
        }
        if (row.ownerUserId() != context.userId() || row.chatId() != context.chatId()) {
            throw CommandRejected.text(NOT_YOURS);
        }
        Instant now = clock.instant();
        if (!row.pending()) {
            throw CommandRejected.text(USED);
        }
        if (row.expiredAt(now)) {
            throw CommandRejected.text("refusals.warning.expired.refused");
        }
        row.confirm(now); // used, whatever follows; a refused action rolls this back with it
        WarningTicket ticket = WarningTicket.parse(row.payload());
        String operation = parts[1];
        Texts texts = context.texts();
        if (operation.equals(WarningTicket.SNOOZE)) {
            return snooze(context.userId(), texts);
        }
        if (operation.equals(WarningTicket.ADD_MARGIN) && ticket.marginToAdd() != null && !ticket.forPool()) {
            return addMargin(context.userId(), ticket, texts);
        }
        if (operation.equals(WarningTicket.DEPOSIT) && ticket.deposit() != null) {
            AccountSnapshot after = trading.deposit(context.userId(), ticket.deposit());
            return BotReply.html(texts.get("notice.press.deposited", texts.numbers().usdt(ticket.deposit()),
                    texts.numbers().usdt(after.risk().walletBalance()))
                    + DepositCommand.poolLine(standings.ofPool(context.userId(), after), texts));
        }
        if (operation.matches(WarningTicket.CLOSE + "\\d{1,3}")) {
            int percent = Integer.parseInt(operation.substring(1));
            if (percent >= 1 && percent <= 100) {
                return askToClose(context.userId(), ticket, percent, texts);
            }
        }
        throw CommandRejected.text(GONE);
    }

    private BotReply snooze(long userId, Texts texts) {
        Instant until = settings.snooze(userId, Duration.ofHours(1)).snoozedUntil();
        return BotReply.html(texts.get("notice.press.snoozed", HOUR_MINUTE.format(until)));
    }

    private BotReply addMargin(long userId, WarningTicket ticket, Texts texts) {
        StoredPosition position = WarningCloseAction.stillOpen(trading.snapshot(userId), ticket);
        TradeResult result = trading.adjustMargin(userId, String.valueOf(position.number()), true,
                ticket.marginToAdd());
        return BotReply.html(texts.get("notice.press.added", texts.numbers().usdt(ticket.marginToAdd()),
                String.valueOf(position.number())) + "\n"
                + TradingViews.position(result.position(), result.risk(), texts) + "\n"
                + StandingText.of(standings.afterOrder(userId, result), texts));
    }

    private BotReply askToClose(long userId, WarningTicket ticket, int percent, Texts texts) {
        AccountSnapshot snapshot = trading.snapshot(userId);
        String share = percent == 100 ? texts.get("notice.press.shareAll")
                : texts.get("notice.press.share", String.valueOf(percent));
        if (ticket.forPool()) {
            List<StoredPosition> cross = WarningCloseAction.crossPositions(snapshot);
            String names = String.join(", ", cross.stream().map(p -> "#" + p.number() + " " + p.position().symbol())
                    .toList());
            return BotReply.confirm(texts.get("notice.press.askClosePool", Html.escape(share), Html.escape(names)),
                    WarningCloseAction.KEY, WarningCloseAction.payload(ticket, percent));
        }
        StoredPosition position = WarningCloseAction.stillOpen(snapshot, ticket);
        String symbol = position.position().symbol();
        BigDecimal mark = snapshot.riskOf(position).markPrice();
        return BotReply.confirm(texts.get("notice.press.askClosePosition", Html.escape(share),
                String.valueOf(position.number()), Html.escape(symbol), TradingViews.side(position.position(), texts),
                texts.numbers().price(symbol, mark)), WarningCloseAction.KEY, WarningCloseAction.payload(ticket, percent));
    }
}
