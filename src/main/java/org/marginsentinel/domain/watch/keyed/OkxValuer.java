package org.marginsentinel.domain.watch.keyed;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.marginsentinel.domain.margin.BinanceMarginRules;
import org.marginsentinel.domain.margin.CrossAccountRisk;
import org.marginsentinel.domain.margin.Decimals;
import org.marginsentinel.domain.margin.ListedTiers;
import org.marginsentinel.domain.margin.MaintenanceTier;
import org.marginsentinel.domain.margin.MarginCalculator;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.PositionRisk;
import org.marginsentinel.domain.margin.PricedPosition;
import org.marginsentinel.domain.margin.TierSchedule;
import org.marginsentinel.domain.margin.TierTable;
import org.marginsentinel.domain.watch.SecondOpinion;
import org.marginsentinel.domain.watch.WatchedPortfolio;
import org.marginsentinel.domain.watch.keyed.KeyedExplanation.Kind;
import org.marginsentinel.domain.watch.keyed.KeyedExplanation.Reason;

/**
 * An OKX account valued with OKX's convention (margin-math §4): maintenance is valued at the price
 * ({@code contracts × contract value × price × MMR}) and a position, or the cross pool, is liquidated when its
 * margin ratio, equity / (maintenance + liquidation fee), falls to 100%. So the bot solves
 * {@code equity(P) = size × P × (MMR + fee rate)} with the engine's solver (for cross, every other position held at
 * its mark) and states the account's ratio as OKX does, equity over requirement, higher being safer.
 * <p>Maintenance rates come from OKX's own position tiers when the bot has them: OKX picks a position's tier by its
 * size (in contracts, here in coins), not by its notional, and charges that tier's rate on the whole notional, so the
 * rate stays put while the price moves and the valuation is exact. Otherwise from the position's {@code mmr} as OKX
 * reported it at the mark (the rate assumed to hold down to the liquidation price), otherwise from the strictest
 * tiers the bot knows; the last two are said to be estimated. Pure.
 */
public final class OkxValuer implements KeyedValuer {

    /** OKX's regular taker rate on USDT swaps (0.05%), taken as the liquidation fee unless told otherwise. */
    public static final BigDecimal DEFAULT_LIQUIDATION_FEE_RATE = new BigDecimal("0.0005");

    private final Function<String, Optional<ListedTiers>> okxTiers;
    private final Supplier<TierSchedule> estimate;
    private final BigDecimal liquidationFeeRate;

    /**
     * @param okxTiers           OKX's own tiers of an instrument ("BTC-USDT-SWAP") when known, each tier's bounds in
     *                           coins of position size (contracts × contract value), its amount zero
     * @param estimate           the schedule for an instrument with neither tiers nor a reported maintenance margin
     * @param liquidationFeeRate the liquidation fee as a share of the notional, added to the maintenance rate
     */
    public OkxValuer(Function<String, Optional<ListedTiers>> okxTiers, Supplier<TierSchedule> estimate,
                     BigDecimal liquidationFeeRate) {
        this.okxTiers = Objects.requireNonNull(okxTiers, "okxTiers");
        this.estimate = Objects.requireNonNull(estimate, "estimate");
        this.liquidationFeeRate = Objects.requireNonNull(liquidationFeeRate, "liquidationFeeRate");
    }

    /** The engine knows no OKX tiers: maintenance from OKX's own figures, the table's estimate when OKX gives none. */
    public static OkxValuer withEngineTiers(TierTable table) {
        return new OkxValuer(symbol -> Optional.empty(), table::estimateSchedule, DEFAULT_LIQUIDATION_FEE_RATE);
    }

    @Override
    public KeyedExchange exchange() {
        return KeyedExchange.OKX;
    }

    /** A position's requirement schedule (maintenance plus the fee) and what to say about where it came from. */
    private record Requirement(TierSchedule schedule, boolean estimated, Reason note) {
    }

    @Override
    public KeyedValuation value(ExchangeAccountSnapshot snapshot) {
        if (snapshot.portfolioMargin()) {
            return KeyedValuations.portfolioMargin(snapshot, KeyedExchange.OKX);
        }
        List<ExchangePosition> reported = snapshot.positions();
        List<Position> positions = new ArrayList<>();
        List<BigDecimal> marks = new ArrayList<>();
        // per leg, not per symbol: a hedge account's long and short of one swap sit in tiers of their own sizes
        Map<String, Requirement> requirements = new HashMap<>();
        boolean complete = snapshot.marginBalance() != null;
        for (ExchangePosition position : reported) {
            Position engine = KeyedValuations.position(position);
            complete &= engine != null;
            positions.add(engine);
            marks.add(position.markPrice());
            if (engine != null) {
                requirements.put(KeyedValuations.leg(position.symbol(), position.side()), requirement(position));
            }
        }
        MarginCalculator engine = new MarginCalculator(
                p -> requirements.get(KeyedValuations.leg(p.symbol(), p.side())).schedule(),
                BinanceMarginRules.INSTANCE);
        CrossAccountRisk pool = complete ? pool(engine, snapshot, positions, marks) : null;
        List<KeyedValuation.Valued> valued = new ArrayList<>();
        List<ExchangePosition> notValued = new ArrayList<>();
        for (int i = 0; i < reported.size(); i++) {
            ExchangePosition position = reported.get(i);
            Position own = positions.get(i);
            if (own == null || (!own.isIsolated() && pool == null)) {
                notValued.add(position);
                valued.add(KeyedValuations.notValued(position, KeyedExchange.OKX, own == null
                        ? Kind.NOT_RECOMPUTED_POSITION : Kind.NOT_RECOMPUTED_POOL_EQUITY));
                continue;
            }
            PositionRisk risk = own.isIsolated() ? engine.isolated(own, marks.get(i))
                    : KeyedValuations.crossRisk(own, marks.get(i), engine.maintenanceMargin(own, marks.get(i)), pool);
            SecondOpinion opinion = SecondOpinion.of(position.exchangeLiquidation(), risk.liquidationPrice());
            valued.add(new KeyedValuation.Valued(position, risk, opinion,
                    explain(opinion, requirements.get(KeyedValuations.leg(position.symbol(), position.side())),
                    own.isIsolated())));
        }
        return new KeyedValuation(snapshot, pool, valued, notValued, okxRatio(pool), pool == null ? null
                : new KeyedValuation.CrossLegs(pool.walletBalance(), KeyedValuations.crossLegs(positions, marks),
                engine::maintenanceMargin));
    }

    /**
     * OKX's requirement (maintenance plus the fee) for every instrument: its tiers' rate at each position's size when
     * listed (a what-if's new size included), else as valued here when held, else the estimate.
     */
    @Override
    public Optional<WatchedPortfolio> portfolio(ExchangeAccountSnapshot snapshot) {
        Map<String, Requirement> requirements = new HashMap<>();
        for (ExchangePosition position : snapshot.positions()) {
            if (position.markPrice() != null) {
                Requirement requirement = requirement(position);
                requirements.put(KeyedValuations.leg(position.symbol(), position.side()), requirement);
                requirements.putIfAbsent(position.symbol(), requirement);
            }
        }
        // a leg's own rate when held, else the symbol's other leg's (a what-if on the opposite side), else the estimate
        MarginCalculator engine = new MarginCalculator(p -> okxTiers.apply(p.symbol())
                .map(listed -> withFee(atSize(listed, p.quantity())))
                .orElseGet(() -> Optional.ofNullable(requirements.get(KeyedValuations.leg(p.symbol(), p.side())))
                        .orElseGet(() -> requirements.computeIfAbsent(p.symbol(),
                                symbol -> new Requirement(withFee(estimate.get()), true, null))).schedule()),
                BinanceMarginRules.INSTANCE);
        return KeyedValuations.portfolio(snapshot, engine);
    }

    /** OKX's rate for a position of {@code size} coins: its tier's, on the whole notional (no deduction). */
    private static TierSchedule atSize(ListedTiers listed, BigDecimal size) {
        return TierSchedule.flat(listed.schedule().tierFor(size).maintenanceMarginRate(), BigDecimal.ZERO);
    }

    /** OKX's convention: equity / requirement, liquidation at 1, higher is safer; null without a requirement. */
    static BigDecimal okxRatio(CrossAccountRisk pool) {
        if (pool == null || pool.maintenanceMargin().signum() <= 0) {
            return null;
        }
        return Decimals.divide(pool.marginBalance(), pool.maintenanceMargin());
    }

    private Requirement requirement(ExchangePosition position) {
        String symbol = position.symbol();
        Optional<ListedTiers> listed = okxTiers.apply(symbol);
        if (listed.isPresent()) {
            return new Requirement(withFee(atSize(listed.get(), position.size())), false,
                    new Reason(Kind.OKX_TIERS, symbol, listed.get().source(), null, liquidationFeeRate));
        }
        BigDecimal reported = position.maintenanceMargin();
        if (reported != null && reported.signum() > 0) {
            BigDecimal rate = Decimals.divide(reported, position.size().multiply(position.markPrice()));
            return new Requirement(withFee(TierSchedule.flat(rate, BigDecimal.ZERO)), true,
                    new Reason(Kind.OKX_RATE_AT_MARK, symbol, null, rate, liquidationFeeRate));
        }
        return new Requirement(withFee(estimate.get()), true,
                new Reason(Kind.OKX_ESTIMATED, symbol, null, null, liquidationFeeRate));
    }

    /** The fee as a share of notional on top of every tier's rate (the deductions stay continuous). */
    private TierSchedule withFee(TierSchedule schedule) {
        List<MaintenanceTier> tiers = new ArrayList<>();
        for (MaintenanceTier tier : schedule.tiers()) {
            tiers.add(new MaintenanceTier(tier.notionalFloor(), tier.notionalCap(),
                    tier.maintenanceMarginRate().add(liquidationFeeRate), tier.maintenanceAmount(), tier.maxLeverage()));
        }
        return TierSchedule.of(tiers);
    }

    private static CrossAccountRisk pool(MarginCalculator engine, ExchangeAccountSnapshot snapshot,
                                         List<Position> positions, List<BigDecimal> marks) {
        List<PricedPosition> cross = KeyedValuations.crossLegs(positions, marks);
        return cross.isEmpty() ? null
                : engine.cross(KeyedValuations.crossWallet(snapshot, positions, marks), cross);
    }

    private static KeyedExplanation explain(SecondOpinion opinion, Requirement requirement, boolean isolated) {
        List<Reason> reasons = new ArrayList<>();
        if (requirement.estimated()) {
            reasons.add(requirement.note());
        }
        switch (opinion.verdict()) {
            case EXCHANGE_HAS_NONE -> reasons.add(Reason.of(isolated ? Kind.OKX_GIVES_NONE_ISOLATED
                    : Kind.OKX_GIVES_NONE_CROSS));
            case OWN_HAS_NONE -> reasons.add(Reason.of(Kind.OWN_HAS_NONE));
            case DIFFERS -> {
                if (!requirement.estimated()) {
                    reasons.add(requirement.note());
                }
                reasons.add(Reason.of(Kind.OKX_ESTIMATES_TOO));
                if (!isolated) {
                    reasons.add(Reason.of(Kind.OKX_CROSS_HOLDS_THE_REST));
                }
                reasons.add(Reason.of(Kind.EXCHANGE_LIQUIDATES));
            }
            default -> {
            }
        }
        return KeyedValuations.explanation(KeyedExchange.OKX, reasons);
    }
}
