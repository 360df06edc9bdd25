package org.marginsentinel.application;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.marginsentinel.domain.margin.MarginAllowance;
import org.marginsentinel.domain.margin.MarginChange;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.paper.LeverageChange;

/**
 * Margin moves (and leverage changes) the venue's rules refuse, as refusals the chat words in the user's language:
 * the most allowed and the rule that limits it ({@code refusals.margin.<move>.<rule>.refused}, the rule's amounts after
 * the most). Amounts are cut to the cent, never rounded up: "at most" must never promise more than is allowed.
 */
final class MarginRefusals {

    /** What the user tried: the English lead of the domain's own wording, for a rule with no text of its own. */
    enum Move {
        WITHDRAW("withdraw", "You can withdraw at most %s now"),
        ADD("add", "At most %s can be added now"),
        REMOVE("remove", "At most %s can be removed now");

        private final String key;
        private final String englishLead;

        Move(String key, String englishLead) {
            this.key = key;
            this.englishLead = englishLead;
        }
    }

    private MarginRefusals() {
    }

    /** {@code move} asked for more than {@code allowance} allows. */
    static CommandRejected beyond(Move move, MarginAllowance allowance) {
        MarginAllowance.Limit limit = allowance.limit();
        if (limit == null) {
            return new CommandRejected(allowance.refusal(move.englishLead));
        }
        List<Object> arguments = new ArrayList<>();
        arguments.add(Figure.usdt(cents(allowance.most())));
        for (int i = 0; i < limit.figures().size(); i++) {
            BigDecimal amount = cents(limit.figures().get(i));
            arguments.add(isPnl(limit.rule(), i) ? Figure.signedUsdt(amount) : Figure.usdt(amount));
        }
        return CommandRejected.text("refusals.margin." + move.key + "." + key(limit.rule()) + ".refused",
                arguments.toArray());
    }

    /** A refused removal (or addition) of an isolated position's margin. */
    static CommandRejected of(MarginChange change) {
        return switch (change.reason()) {
            case BEYOND_ALLOWANCE -> beyond(Move.REMOVE, change.allowance());
            case NOT_POSITIVE -> CommandRejected.text("refusals.amount.notPositive.refused");
            case KEEP_SOME_MARGIN -> CommandRejected.text("refusals.margin.keepSome.refused");
            case WOULD_LIQUIDATE -> CommandRejected.text("refusals.margin.wouldLiquidate.refused");
        };
    }

    /**
     * Refuses an order whose leverage the open position cannot take: the exchange keeps one leverage per symbol, and
     * a lower one needs more isolated margin than the position holds.
     */
    static void requireLeverageChange(Position position, int leverage, BigDecimal mark) {
        if (LeverageChange.refusal(position, leverage, mark).isPresent()) {
            throw CommandRejected.text("refusals.trading.leverageChange.refused", position.symbol(),
                    String.valueOf(position.leverage()), String.valueOf(leverage),
                    Figure.usdt(LeverageChange.newInitialMargin(position, leverage, mark)),
                    Figure.usdt(position.isolatedMargin()));
        }
    }

    private static boolean isPnl(MarginAllowance.Rule rule, int figure) {
        return figure == 1 && (rule == MarginAllowance.Rule.POSITION_KEEPS_INITIAL_AT_MARK
                || rule == MarginAllowance.Rule.AVAILABLE_BALANCE);
    }

    private static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.DOWN);
    }

    private static String key(MarginAllowance.Rule rule) {
        return switch (rule) {
            case AVAILABLE_BALANCE -> "availableBalance";
            case CROSS_WALLET_LESS_MAINTENANCE -> "crossWallet";
            case CROSS_KEEPS_INITIAL -> "crossKeeps";
            case POSITION_KEEPS_INITIAL_AT_MARK -> "initialAtMark";
            case POSITION_KEEPS_MAINTENANCE -> "maintenance";
            case POSITION_KEEPS_INITIAL -> "positionKeeps";
        };
    }
}
