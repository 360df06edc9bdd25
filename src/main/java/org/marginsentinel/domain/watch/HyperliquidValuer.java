package org.marginsentinel.domain.watch;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.marginsentinel.domain.margin.CrossAccountRisk;
import org.marginsentinel.domain.margin.Decimals;
import org.marginsentinel.domain.margin.HyperliquidMarginRules;
import org.marginsentinel.domain.margin.MarginCalculator;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.PositionRisk;
import org.marginsentinel.domain.margin.PricedPosition;
import org.marginsentinel.domain.margin.PublishedTier;
import org.marginsentinel.domain.margin.TierSchedule;

/**
 * Values a watched Hyperliquid account with the bot's own engine and Hyperliquid's rules
 * (maintenance rate 1/(2·max leverage) per tier of the asset's margin table), the same engine as paper
 * accounts. Cross: the pool's wallet is the exchange's cross account value minus the cross positions'
 * unrealised PnL at the reported marks; isolated: the position's margin used minus its unrealised PnL.
 * The second opinion compares liquidation prices at the exchange's own marks (the same instant); the risk is
 * at the given marks, which may be newer. Pure.
 */
public final class HyperliquidValuer {

    public WatchedValuation value(WatchedAccountState state, HyperliquidMarket market, Map<String, BigDecimal> marks) {
        boolean unified = state.looksUnified();
        Map<String, TierSchedule> schedules = new HashMap<>();
        List<Position> positions = new ArrayList<>();
        List<WatchedPosition> valuable = new ArrayList<>();
        List<WatchedPosition> notValued = new ArrayList<>();
        for (WatchedPosition reported : state.positions()) {
            Position position = unified || reported.onOtherDex() ? null : toPosition(reported);
            if (position == null) {
                notValued.add(reported);
                continue;
            }
            schedules.put(reported.coin(), schedule(reported, market));
            positions.add(position);
            valuable.add(reported);
        }
        MarginCalculator engine = new MarginCalculator(p -> schedules.get(p.symbol()), HyperliquidMarginRules.INSTANCE);
        BigDecimal crossWallet = state.crossAccountValue();
        for (WatchedPosition reported : valuable) {
            if (reported.mode() == MarginMode.CROSS) {
                crossWallet = crossWallet.subtract(reported.unrealizedPnl());
            }
        }
        CrossAccountRisk atExchangeMarks = cross(engine, crossWallet, positions, valuable, null);
        CrossAccountRisk atMarks = cross(engine, crossWallet, positions, valuable, marks);
        List<WatchedValuation.Valued> valued = new ArrayList<>();
        for (int i = 0; i < valuable.size(); i++) {
            WatchedPosition reported = valuable.get(i);
            Position position = positions.get(i);
            BigDecimal mark = marks.getOrDefault(reported.coin(), reported.reportedMark());
            BigDecimal own;
            PositionRisk risk;
            if (position.isIsolated()) {
                own = engine.isolated(position, reported.reportedMark()).liquidationPrice();
                risk = engine.isolated(position, mark);
            } else {
                own = atExchangeMarks.liquidationPrice(reported.coin()).orElse(null);
                risk = crossRisk(engine, position, mark, atMarks);
            }
            valued.add(new WatchedValuation.Valued(reported, risk, SecondOpinion.of(reported.exchangeLiquidation(), own)));
        }
        List<WatchedValuation.Valued> all = new ArrayList<>(valued);
        for (WatchedPosition skipped : notValued) {
            SecondOpinion opinion = unified
                    ? SecondOpinion.notRecomputed(skipped.exchangeLiquidation(), SecondOpinion.Verdict.UNIFIED_ACCOUNT)
                    : skipped.onOtherDex()
                    ? SecondOpinion.notRecomputed(skipped.exchangeLiquidation(), SecondOpinion.Verdict.OTHER_DEX)
                    : SecondOpinion.of(skipped.exchangeLiquidation(), null);
            all.add(new WatchedValuation.Valued(skipped, null, opinion));
        }
        return new WatchedValuation(state, atMarks, all, notValued);
    }

    private static CrossAccountRisk cross(MarginCalculator engine, BigDecimal crossWallet, List<Position> positions,
                                          List<WatchedPosition> reported, Map<String, BigDecimal> marks) {
        List<PricedPosition> cross = new ArrayList<>();
        for (int i = 0; i < positions.size(); i++) {
            if (!positions.get(i).isIsolated()) {
                WatchedPosition r = reported.get(i);
                BigDecimal mark = marks == null ? r.reportedMark() : marks.getOrDefault(r.coin(), r.reportedMark());
                cross.add(new PricedPosition(positions.get(i), mark));
            }
        }
        return cross.isEmpty() ? null : engine.cross(crossWallet, cross);
    }

    /** A cross position's risk: like the engine's own, judged by its pool. */
    private static PositionRisk crossRisk(MarginCalculator engine, Position position, BigDecimal mark,
                                          CrossAccountRisk pool) {
        BigDecimal liquidation = pool.liquidationPrice(position.symbol()).orElse(null);
        BigDecimal distance = liquidation == null ? null
                : Decimals.divide(mark.subtract(liquidation).abs(), mark);
        if (distance != null && pool.liquidated()) {
            distance = distance.negate();
        }
        BigDecimal pnl = position.unrealizedPnl(mark);
        return new PositionRisk(position, mark, position.notionalAt(mark), pnl,
                Decimals.divide(position.notionalAt(mark),
                        BigDecimal.valueOf(position.leverage())),
                engine.maintenanceMargin(position, mark), pool.marginRatio(), liquidation, distance,
                Decimals.divide(pnl, position.initialMargin()));
    }

    /** The engine's position, or null when the exchange's figures do not make one (no isolated margin left). */
    private static Position toPosition(WatchedPosition reported) {
        int leverage = Math.max(1, Math.min(Position.MAX_LEVERAGE, reported.leverage()));
        if (reported.mode() == MarginMode.CROSS) {
            return Position.cross(reported.coin(), reported.coin(), reported.side(), reported.size(),
                    reported.entryPrice(), leverage);
        }
        BigDecimal wallet = reported.isolatedWallet();
        return wallet.signum() <= 0 ? null : new Position(reported.coin(), reported.coin(), reported.side(),
                reported.size(), reported.entryPrice(), leverage, MarginMode.ISOLATED, wallet);
    }

    /** The asset's margin table, or one tier at the position's max leverage when the market is not known yet. */
    static TierSchedule schedule(WatchedPosition reported, HyperliquidMarket market) {
        List<PublishedTier> tiers = market.asset(reported.coin()).map(HyperliquidMarket.Asset::tiers)
                .filter(t -> !t.isEmpty())
                .orElse(List.of(new PublishedTier(BigDecimal.ZERO, null, reported.maxLeverage(), null, null)));
        return HyperliquidMarginRules.INSTANCE.schedule(tiers);
    }
}
