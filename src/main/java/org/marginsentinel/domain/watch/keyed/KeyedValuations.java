package org.marginsentinel.domain.watch.keyed;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.marginsentinel.domain.margin.CrossAccountRisk;
import org.marginsentinel.domain.margin.Decimals;
import org.marginsentinel.domain.margin.MarginCalculator;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.PositionRisk;
import org.marginsentinel.domain.margin.PricedPosition;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.domain.watch.SecondOpinion;
import org.marginsentinel.domain.watch.WatchedPortfolio;
import org.marginsentinel.domain.watch.keyed.KeyedExplanation.Kind;
import org.marginsentinel.domain.watch.keyed.KeyedExplanation.Reason;

/** What the Bybit and OKX valuers share: the engine's view of a reported position, the cross wallet, the reasons. */
final class KeyedValuations {

    private KeyedValuations() {
    }

    /** A position's key among the account's: its symbol and side (a hedge account holds both sides of one symbol). */
    static String leg(String symbol, Side side) {
        return symbol + ":" + side;
    }

    /**
     * The engine's position for a reported one, or null when the exchange's figures do not make one (no mark, or an
     * isolated position without margin).
     */
    static Position position(ExchangePosition reported) {
        if (reported.markPrice() == null) {
            return null;
        }
        int leverage = Math.max(1, Math.min(Position.MAX_LEVERAGE, reported.leverage()));
        if (reported.mode() == MarginMode.CROSS) {
            return Position.cross(reported.symbol(), reported.symbol(), reported.side(), reported.size(),
                    reported.entryPrice(), leverage);
        }
        BigDecimal margin = reported.isolatedMargin();
        return margin == null || margin.signum() <= 0 ? null : new Position(reported.symbol(), reported.symbol(),
                reported.side(), reported.size(), reported.entryPrice(), leverage, MarginMode.ISOLATED, margin);
    }

    /**
     * The cross wallet behind the cross positions: the exchange's margin balance (wallet with every isolated
     * margin, plus every position's unrealised PnL) less all PnL at the reported marks and the isolated margins.
     * Null without a margin balance.
     */
    static BigDecimal crossWallet(ExchangeAccountSnapshot snapshot, List<Position> positions,
                                  List<BigDecimal> marks) {
        if (snapshot.marginBalance() == null) {
            return null;
        }
        BigDecimal wallet = snapshot.marginBalance();
        for (int i = 0; i < positions.size(); i++) {
            Position position = positions.get(i);
            wallet = wallet.subtract(position.unrealizedPnl(marks.get(i)));
            if (position.isIsolated()) {
                wallet = wallet.subtract(position.isolatedMargin());
            }
        }
        return wallet;
    }

    /**
     * The account for the insight tools with {@code engine}: every position at its mark, the cross wallet as
     * {@link #crossWallet} finds it, the account wallet that plus the isolated margins. Empty for portfolio margin,
     * without a margin balance, or when a position cannot be recomputed.
     */
    static Optional<WatchedPortfolio> portfolio(ExchangeAccountSnapshot snapshot, MarginCalculator engine) {
        if (snapshot.portfolioMargin() || snapshot.marginBalance() == null) {
            return Optional.empty();
        }
        List<Position> positions = new ArrayList<>();
        List<BigDecimal> marks = new ArrayList<>();
        List<PricedPosition> priced = new ArrayList<>();
        BigDecimal isolatedMargins = BigDecimal.ZERO;
        for (ExchangePosition reported : snapshot.positions()) {
            Position position = position(reported);
            if (position == null) {
                return Optional.empty();
            }
            positions.add(position);
            marks.add(reported.markPrice());
            priced.add(new PricedPosition(position, reported.markPrice()));
            if (position.isIsolated()) {
                isolatedMargins = isolatedMargins.add(position.isolatedMargin());
            }
        }
        BigDecimal crossWallet = crossWallet(snapshot, positions, marks);
        return Optional.of(new WatchedPortfolio(engine, crossWallet.add(isolatedMargins), crossWallet, priced));
    }

    /** The cross positions at their marks (complete lists: no position is null). */
    static List<PricedPosition> crossLegs(List<Position> positions, List<BigDecimal> marks) {
        List<PricedPosition> cross = new ArrayList<>();
        for (int i = 0; i < positions.size(); i++) {
            if (!positions.get(i).isIsolated()) {
                cross.add(new PricedPosition(positions.get(i), marks.get(i)));
            }
        }
        return cross;
    }

    /** A cross position's risk, judged by its pool (as the engine does for paper positions). */
    static PositionRisk crossRisk(Position position, BigDecimal mark, BigDecimal maintenance, CrossAccountRisk pool) {
        BigDecimal liquidation = pool.liquidationPrice(position.symbol()).orElse(null);
        BigDecimal pnl = position.unrealizedPnl(mark);
        return new PositionRisk(position, mark, position.notionalAt(mark), pnl,
                Decimals.divide(position.notionalAt(mark), BigDecimal.valueOf(position.leverage())), maintenance,
                pool.marginRatio(), liquidation, distance(mark, liquidation, !pool.liquidated()),
                Decimals.divide(pnl, position.initialMargin()));
    }

    /** |mark − liquidation| / mark, negative once the margin no longer covers maintenance; null without a price. */
    static BigDecimal distance(BigDecimal mark, BigDecimal liquidation, boolean solvent) {
        if (liquidation == null) {
            return null;
        }
        BigDecimal distance = Decimals.divide(mark.subtract(liquidation).abs(), mark);
        return solvent ? distance : distance.negate();
    }

    /** maintenance / margin balance; null when the balance is gone while maintenance is owed. */
    static BigDecimal ratio(BigDecimal maintenance, BigDecimal marginBalance) {
        if (marginBalance.signum() > 0) {
            return Decimals.divide(maintenance, marginBalance);
        }
        return maintenance.signum() == 0 ? BigDecimal.ZERO : null;
    }

    /** A portfolio-margin account: every position shown with the exchange's figures only, and why. */
    static KeyedValuation portfolioMargin(ExchangeAccountSnapshot snapshot, KeyedExchange exchange) {
        List<KeyedValuation.Valued> shown = new ArrayList<>();
        for (ExchangePosition reported : snapshot.positions()) {
            shown.add(new KeyedValuation.Valued(reported, null,
                    SecondOpinion.notRecomputed(reported.exchangeLiquidation(), SecondOpinion.Verdict.UNIFIED_ACCOUNT),
                    new KeyedExplanation(exchange, List.of(Reason.of(Kind.PORTFOLIO_MARGIN)))));
        }
        return new KeyedValuation(snapshot, null, shown, snapshot.positions(), null);
    }

    /** Not recomputed, for the reason given. */
    static KeyedValuation.Valued notValued(ExchangePosition reported, KeyedExchange exchange, Kind why) {
        return new KeyedValuation.Valued(reported, null,
                SecondOpinion.notRecomputed(reported.exchangeLiquidation(), SecondOpinion.Verdict.NOT_RECOMPUTED),
                new KeyedExplanation(exchange, List.of(Reason.of(why))));
    }

    /** The reasons given (nulls skipped), or null when there are none. */
    static KeyedExplanation explanation(KeyedExchange exchange, List<Reason> reasons) {
        List<Reason> present = reasons.stream().filter(Objects::nonNull).toList();
        return present.isEmpty() ? null : new KeyedExplanation(exchange, present);
    }
}
