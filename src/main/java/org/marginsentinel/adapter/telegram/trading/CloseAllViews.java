package org.marginsentinel.adapter.telegram.trading;

import java.math.BigDecimal;
import java.util.List;
import org.marginsentinel.adapter.telegram.command.BotReply;
import org.marginsentinel.adapter.telegram.i18n.Numbers;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.application.AccountSnapshot;
import org.marginsentinel.application.CommandRejected;
import org.marginsentinel.application.TradeResult;
import org.marginsentinel.application.port.StoredPosition;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.PositionRisk;
import org.marginsentinel.domain.paper.TradingFees;

/** The one question before /close all (what closes, estimated PnL and fees) and its answer. */
final class CloseAllViews {

    private CloseAllViews() {
    }

    /**
     * Lists every position with its PnL and fee at the current marks; the payload names them by number. The count
     * is a number the patterns word ("all 3 positions", "все позиции (3)").
     */
    static BotReply question(AccountSnapshot snapshot, TradingFees fees, String actionKey, String payloadPrefix,
                             Texts texts) {
        Numbers n = texts.numbers();
        StringBuilder text = new StringBuilder(texts.get("closeAll.question", snapshot.positions().size()))
                .append('\n');
        BigDecimal pnl = BigDecimal.ZERO;
        BigDecimal fee = BigDecimal.ZERO;
        for (StoredPosition stored : snapshot.positions()) {
            Position position = stored.position();
            String symbol = position.symbol();
            PositionRisk risk = snapshot.riskOf(stored);
            BigDecimal closingFee = fees.taker(position.quantity(), risk.markPrice());
            pnl = pnl.add(risk.unrealizedPnl());
            fee = fee.add(closingFee);
            text.append(texts.get("closeAll.line", String.valueOf(stored.number()), symbol,
                    TradingViews.side(position, texts), n.quantity(symbol, position.quantity()),
                    n.price(symbol, risk.markPrice()), n.signedMoney(risk.unrealizedPnl()), n.usdt(closingFee)))
                    .append('\n');
        }
        text.append(texts.get("closeAll.estimate", n.signedMoney(pnl), n.usdt(fee), n.signedMoney(pnl.subtract(fee))))
                .append(TradingViews.staleNote(snapshot, texts));
        String numbers = String.join(",", snapshot.positions().stream().map(p -> String.valueOf(p.number())).toList());
        if (numbers.length() > 1000) {
            throw CommandRejected.text("refusals.closeAll.tooMany.refused");
        }
        return BotReply.confirm(text.toString(), actionKey, payloadPrefix + numbers);
    }

    /** What closed: each position's fill with its notional, margin freed and fee, then the totals and the wallet. */
    static String done(List<TradeResult> results, Texts texts) {
        Numbers n = texts.numbers();
        StringBuilder text = new StringBuilder(texts.get("closeAll.done", results.size())).append('\n');
        BigDecimal pnl = BigDecimal.ZERO;
        BigDecimal fee = BigDecimal.ZERO;
        for (TradeResult result : results) {
            StoredPosition closed = result.previous();
            String symbol = closed.position().symbol();
            pnl = pnl.add(result.realizedPnl());
            fee = fee.add(result.fee());
            text.append(texts.get("closeAll.doneLine", String.valueOf(closed.number()), symbol,
                    n.quantity(symbol, result.closedQuantity()), n.price(symbol, result.price()),
                    n.signedMoney(result.realizedPnl()))).append(TradingViews.closedFigures(result, texts)).append('\n');
        }
        BigDecimal wallet = results.get(results.size() - 1).after().risk().walletBalance();
        return text.append(texts.get("closeAll.total", n.signedMoney(pnl), n.usdt(fee), n.signedMoney(pnl.subtract(fee)),
                n.usdt(wallet))).toString();
    }
}
