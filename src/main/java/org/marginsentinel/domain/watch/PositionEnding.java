package org.marginsentinel.domain.watch;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.marginsentinel.domain.margin.Side;

/**
 * What became of the positions that were in the previous answer and are not in the new one: a position whose mark
 * was at or past its liquidation price while it was last seen (at any mark seen since) is reported as liquidated,
 * every other one as closed. The loss of a liquidation is the fall of the account value between the two answers
 * (for isolated positions the margin lost shows in it the same way). Pure.
 */
public final class PositionEnding {

    /** One position that ended. {@code liquidationPrice}: the exchange's, or the bot's when the exchange gave none. */
    public record Ended(WatchedPosition position, boolean liquidated, BigDecimal lastMark, BigDecimal liquidationPrice,
                        BigDecimal accountValueLoss) {
    }

    private PositionEnding() {
    }

    /**
     * @param pastLiquidation coins whose mark was seen at or past their liquidation price since the previous answer
     * @param lastMarks       the last mark seen per coin
     * @param ownLiquidation  the bot's liquidation price per coin, used when the exchange gave none
     */
    public static List<Ended> between(WatchedAccountState previous, WatchedAccountState current,
                                      Set<String> pastLiquidation, Map<String, BigDecimal> lastMarks,
                                      Map<String, BigDecimal> ownLiquidation) {
        List<Ended> ended = new ArrayList<>();
        BigDecimal loss = previous.accountValue().subtract(current.accountValue()).max(BigDecimal.ZERO);
        for (WatchedPosition before : previous.positions()) {
            if (current.position(before.coin()).filter(p -> p.side() == before.side()).isPresent()) {
                continue;
            }
            BigDecimal mark = lastMarks.getOrDefault(before.coin(), before.reportedMark());
            BigDecimal liquidation = before.exchangeLiquidation() != null ? before.exchangeLiquidation()
                    : ownLiquidation.get(before.coin());
            boolean liquidated = pastLiquidation.contains(before.coin()) || isPast(before.side(), mark, liquidation);
            ended.add(new Ended(before, liquidated, mark, liquidation, liquidated ? loss : null));
        }
        return ended;
    }

    /** A long's mark at or under its liquidation price, a short's at or over it. */
    public static boolean isPast(Side side, BigDecimal mark, BigDecimal liquidation) {
        if (mark == null || liquidation == null) {
            return false;
        }
        int comparison = mark.compareTo(liquidation);
        return side == Side.LONG ? comparison <= 0 : comparison >= 0;
    }
}
