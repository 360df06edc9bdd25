package org.marginsentinel.adapter.telegram.trading;

import static org.marginsentinel.adapter.telegram.format.Html.bold;

import java.math.BigDecimal;
import java.util.List;
import org.marginsentinel.adapter.telegram.command.BotReply;
import org.marginsentinel.adapter.telegram.format.Fmt;
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

    /** Lists every position with its PnL and fee at the current marks; the payload names them by number. */
    static BotReply question(AccountSnapshot snapshot, TradingFees fees, String actionKey, String payloadPrefix) {
        StringBuilder text = new StringBuilder("Close ").append(bold("all " + count(snapshot.positions().size())))
                .append(" at the mark?\n");
        BigDecimal pnl = BigDecimal.ZERO;
        BigDecimal fee = BigDecimal.ZERO;
        for (StoredPosition stored : snapshot.positions()) {
            Position position = stored.position();
            PositionRisk risk = snapshot.riskOf(stored);
            BigDecimal closingFee = fees.taker(position.quantity(), risk.markPrice());
            pnl = pnl.add(risk.unrealizedPnl());
            fee = fee.add(closingFee);
            text.append("• #").append(stored.number()).append(' ').append(position.symbol()).append(' ')
                    .append(position.side().name()).append(' ').append(Fmt.quantity(position.quantity()))
                    .append(" at ").append(Fmt.price(risk.markPrice())).append(": PnL ")
                    .append(Fmt.signedMoney(risk.unrealizedPnl())).append(" USDT, fee ").append(Fmt.usdt(closingFee))
                    .append('\n');
        }
        text.append("Estimated at the marks now: PnL ").append(Fmt.signedMoney(pnl)).append(" USDT, fees ")
                .append(Fmt.usdt(fee)).append(", net ").append(Fmt.signedMoney(pnl.subtract(fee)))
                .append(" USDT. All close together, or none.").append(TradingViews.staleNote(snapshot));
        String numbers = String.join(",", snapshot.positions().stream().map(p -> String.valueOf(p.number())).toList());
        if (numbers.length() > 1000) {
            throw new CommandRejected("That is too many positions to list in one question. Close them by symbol.");
        }
        return BotReply.confirm(text.toString(), actionKey, payloadPrefix + numbers);
    }

    static String done(List<TradeResult> results) {
        StringBuilder text = new StringBuilder("✅ ").append(bold("Closed all " + count(results.size()))).append('\n');
        BigDecimal pnl = BigDecimal.ZERO;
        BigDecimal fee = BigDecimal.ZERO;
        for (TradeResult result : results) {
            StoredPosition closed = result.previous();
            pnl = pnl.add(result.realizedPnl());
            fee = fee.add(result.fee());
            text.append("• #").append(closed.number()).append(' ').append(closed.position().symbol()).append(' ')
                    .append(Fmt.quantity(result.closedQuantity())).append(" at ").append(Fmt.price(result.price()))
                    .append(": PnL ").append(Fmt.signedMoney(result.realizedPnl())).append(" USDT\n");
        }
        BigDecimal wallet = results.get(results.size() - 1).after().risk().walletBalance();
        return text.append("PnL ").append(Fmt.signedMoney(pnl)).append(" USDT, fees ").append(Fmt.usdt(fee))
                .append(", net ").append(Fmt.signedMoney(pnl.subtract(fee))).append(" USDT\nWallet: ")
                .append(Fmt.usdt(wallet)).toString();
    }

    private static String count(int positions) {
        return positions == 1 ? "1 position" : positions + " positions";
    }
}
