package org.marginsentinel.adapter.telegram.trading;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.marginsentinel.adapter.telegram.command.Button;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.application.port.Notice;
import org.marginsentinel.domain.alert.RecommendedAction;

/**
 * What the action buttons under one warning may do, stored with the warning (as a confirmation row of kind
 * {@link #ACTION_KEY}: owner, chat, deadline, used once) so a press after a restart still works exactly once.
 * The row's payload says which position (its id and number) or pool, and the amounts the buttons add or deposit;
 * the buttons carry only the row's id and the operation ({@code wa:<id>:m}, {@code wa:<id>:c50}, …).
 *
 * @param positionId     the isolated position's id; null for the cross pool
 * @param positionNumber its number as the user knows it; 0 for the pool
 * @param marginToAdd    what "Add margin" adds; null when there is no figure (no such button)
 * @param deposit        what "Deposit" deposits (pool only); null when there is no figure
 */
public record WarningTicket(String positionId, int positionNumber, BigDecimal marginToAdd, BigDecimal deposit) {

    /** The confirmation row kind of a warning's buttons; never run as a Confirm / Cancel question. */
    public static final String ACTION_KEY = "warning-buttons";
    /** Callback data prefix of a warning's buttons. */
    public static final String PREFIX = "wa:";
    public static final String ADD_MARGIN = "m";
    public static final String DEPOSIT = "d";
    public static final String SNOOZE = "s";
    /** Followed by the whole percentage to close, e.g. {@code c50}. */
    public static final String CLOSE = "c";

    private static final String NONE = "-";

    public boolean forPool() {
        return positionId == null;
    }

    /** The ticket a warning's buttons act on; empty for notices that carry no buttons. */
    public static Optional<WarningTicket> of(Notice notice) {
        if (notice instanceof Notice.PositionWarning warning) {
            BigDecimal margin = warning.recommended().filter(a -> a.kind() == RecommendedAction.Kind.ADD_MARGIN)
                    .map(RecommendedAction::amount).orElse(null);
            return Optional.of(new WarningTicket(warning.risk().position().id(), warning.positionNumber(), margin, null));
        }
        if (notice instanceof Notice.PoolWarning warning) {
            // The deposit that would do it, whichever action is recommended: the larger of the two deposit figures.
            BigDecimal deposit = RecommendedAction.forPool(null, warning.depositToTarget(), null,
                    warning.survival() == null ? null : warning.survival().depositNeeded())
                    .filter(a -> a.kind() == RecommendedAction.Kind.DEPOSIT).map(RecommendedAction::amount).orElse(null);
            return Optional.of(new WarningTicket(null, 0, null, deposit));
        }
        return Optional.empty();
    }

    public String payload() {
        return (forPool() ? "x" : "p:" + positionId + ":" + positionNumber) + ":" + text(marginToAdd) + ":" + text(deposit);
    }

    public static WarningTicket parse(String payload) {
        String[] parts = payload.split(":");
        if (parts[0].equals("x")) {
            return new WarningTicket(null, 0, amount(parts[1]), amount(parts[2]));
        }
        return new WarningTicket(parts[1], Integer.parseInt(parts[2]), amount(parts[3]), amount(parts[4]));
    }

    /**
     * The buttons, labelled in the owner's language: the recommended action first (its own share when it is not 25,
     * 50 or 100%), then close 25/50/100%, then snooze. Closing always asks to confirm.
     */
    public List<List<Button>> buttons(long ticketId, Optional<RecommendedAction> recommended, Texts texts) {
        String data = PREFIX + ticketId + ":";
        List<List<Button>> rows = new ArrayList<>();
        List<Button> first = new ArrayList<>();
        if (marginToAdd != null) {
            first.add(new Button(texts.get("notice.button.addMargin", texts.numbers().usdt(marginToAdd)),
                    data + ADD_MARGIN));
        }
        if (deposit != null) {
            first.add(new Button(texts.get("notice.button.deposit", texts.numbers().usdt(deposit)), data + DEPOSIT));
        }
        int recommendedShare = recommended.filter(a -> a.kind() == RecommendedAction.Kind.CLOSE)
                .map(a -> a.sharePercent().intValue()).orElse(0);
        if (recommendedShare > 0 && recommendedShare != 25 && recommendedShare != 50 && recommendedShare != 100) {
            first.add(0, new Button(texts.get("notice.button.closeRecommended", String.valueOf(recommendedShare)),
                    data + CLOSE + recommendedShare));
        }
        if (!first.isEmpty()) {
            rows.add(first);
        }
        rows.add(List.of(closeButton(data, 25, texts), closeButton(data, 50, texts), closeButton(data, 100, texts)));
        rows.add(List.of(new Button(texts.get("notice.button.snooze"), data + SNOOZE)));
        return rows;
    }

    private static Button closeButton(String data, int percent, Texts texts) {
        return new Button(texts.get("notice.button.close", String.valueOf(percent)), data + CLOSE + percent);
    }

    private static String text(BigDecimal amount) {
        return amount == null ? NONE : amount.toPlainString();
    }

    private static BigDecimal amount(String text) {
        return text.equals(NONE) ? null : new BigDecimal(text);
    }
}
