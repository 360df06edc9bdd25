package org.marginsentinel.domain.watch.keyed;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
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
import org.marginsentinel.domain.margin.MarginCalculator;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.PositionRisk;
import org.marginsentinel.domain.margin.TierSchedule;
import org.marginsentinel.domain.margin.TierSource;
import org.marginsentinel.domain.margin.TierTable;
import org.marginsentinel.domain.watch.SecondOpinion;
import org.marginsentinel.domain.watch.WatchedPortfolio;
import org.marginsentinel.domain.watch.keyed.KeyedExplanation.Kind;
import org.marginsentinel.domain.watch.keyed.KeyedExplanation.Reason;

/**
 * A Bybit account valued with Bybit's published rules (margin-math §3). Bybit values maintenance margin at the
 * entry price ({@code size × avgPrice × MMR − deduction}, its "risk limit" tier chosen by that value), so:
 * <ul>
 *   <li>isolated: {@code LP = entry − side × (position margin − MM) / size} (Bybit's article: 20,000 at 50× with
 *       MMR 0.5% liquidates at 19,700);</li>
 *   <li>cross (a unified account in regular margin mode is cross for the whole account): the pool's wallet plus
 *       every cross position's PnL at the mark equals the sum of their maintenance margins, each other position
 *       held at its mark; the account's maintenance rate is that sum over the pool's margin balance, Bybit's
 *       {@code accountMMRate} convention (liquidation at 100%).</li>
 * </ul>
 * Maintenance comes from Bybit's own risk-limit tiers when the bot has them, else from the position's
 * {@code positionMM} as Bybit reported it, else from the strictest tiers the bot knows (then said to be estimated).
 * Pure.
 */
public final class BybitValuer implements KeyedValuer {

    private final Function<String, Optional<ListedTiers>> bybitTiers;
    private final Supplier<TierSchedule> estimate;

    /**
     * @param bybitTiers Bybit's own risk-limit tiers of a symbol ("BTCUSDT"), when known
     * @param estimate   the schedule for a symbol with neither tiers nor a reported maintenance margin
     */
    public BybitValuer(Function<String, Optional<ListedTiers>> bybitTiers, Supplier<TierSchedule> estimate) {
        this.bybitTiers = Objects.requireNonNull(bybitTiers, "bybitTiers");
        this.estimate = Objects.requireNonNull(estimate, "estimate");
    }

    /** With the engine's tier table: its Bybit risk limits (other exchanges' tiers are not Bybit's), its estimate. */
    public static BybitValuer withEngineTiers(TierTable table) {
        return new BybitValuer(symbol -> table.listed(symbol)
                .filter(listed -> TierSource.BYBIT.equals(listed.source().name())), table::estimateSchedule);
    }

    @Override
    public KeyedExchange exchange() {
        return KeyedExchange.BYBIT;
    }

    /** How a position's maintenance margin (valued at entry) was found. */
    private record Maintenance(BigDecimal amount, boolean fromTiers, boolean estimated, Reason note) {
    }

    @Override
    public KeyedValuation value(ExchangeAccountSnapshot snapshot) {
        if (snapshot.portfolioMargin()) {
            return KeyedValuations.portfolioMargin(snapshot, KeyedExchange.BYBIT);
        }
        List<ExchangePosition> reported = snapshot.positions();
        List<Position> positions = new ArrayList<>();
        List<BigDecimal> marks = new ArrayList<>();
        List<Maintenance> maintenances = new ArrayList<>();
        boolean complete = snapshot.marginBalance() != null;
        for (ExchangePosition position : reported) {
            Position engine = KeyedValuations.position(position);
            complete &= engine != null;
            positions.add(engine);
            marks.add(position.markPrice());
            maintenances.add(maintenance(position));
        }
        CrossAccountRisk pool = complete ? pool(snapshot, positions, marks, maintenances) : null;
        List<KeyedValuation.Valued> valued = new ArrayList<>();
        List<ExchangePosition> notValued = new ArrayList<>();
        for (int i = 0; i < reported.size(); i++) {
            ExchangePosition position = reported.get(i);
            Position engine = positions.get(i);
            if (engine == null || (!engine.isIsolated() && pool == null)) {
                notValued.add(position);
                valued.add(KeyedValuations.notValued(position, KeyedExchange.BYBIT, engine == null
                        ? Kind.NOT_RECOMPUTED_POSITION : Kind.NOT_RECOMPUTED_POOL_BALANCE));
                continue;
            }
            Maintenance maintenance = maintenances.get(i);
            PositionRisk risk = engine.isIsolated() ? isolated(engine, marks.get(i), maintenance.amount())
                    : KeyedValuations.crossRisk(engine, marks.get(i), maintenance.amount(), pool);
            SecondOpinion opinion = SecondOpinion.of(position.exchangeLiquidation(), risk.liquidationPrice());
            valued.add(new KeyedValuation.Valued(position, risk, opinion,
                    explain(position, opinion, maintenance, engine.isIsolated())));
        }
        return new KeyedValuation(snapshot, pool, valued, notValued, pool == null ? null : pool.marginRatio(),
                pool == null ? null : crossLegs(pool, positions, marks, maintenances));
    }

    /** The pool's legs with Bybit's maintenance: valued at entry, so it stays put while the marks move. */
    private static KeyedValuation.CrossLegs crossLegs(CrossAccountRisk pool, List<Position> positions,
                                                      List<BigDecimal> marks, List<Maintenance> maintenances) {
        Map<Position, BigDecimal> atEntry = new IdentityHashMap<>();
        for (int i = 0; i < positions.size(); i++) {
            atEntry.put(positions.get(i), maintenances.get(i).amount());
        }
        return new KeyedValuation.CrossLegs(pool.walletBalance(), KeyedValuations.crossLegs(positions, marks),
                (position, mark) -> atEntry.get(position));
    }

    /**
     * For the insight tools, an engine at Bybit's maintenance rates: its risk-limit tiers, else the rate of the
     * maintenance Bybit reported (over the value at entry), else the estimate. The engine values maintenance at the
     * mark where Bybit values it at entry, so its prices are estimates a little off Bybit's formula.
     */
    @Override
    public Optional<WatchedPortfolio> portfolio(ExchangeAccountSnapshot snapshot) {
        // Bybit's reported rates per leg (a hedge account's long and short sit in risk limits of their own values),
        // the symbol's first for a what-if on a side not held
        Map<String, TierSchedule> schedules = new HashMap<>();
        for (ExchangePosition position : snapshot.positions()) {
            BigDecimal reported = position.maintenanceMargin();
            if (bybitTiers.apply(position.symbol()).isEmpty() && reported != null && reported.signum() > 0) {
                TierSchedule rate = TierSchedule.flat(
                        Decimals.divide(reported, position.size().multiply(position.entryPrice())), BigDecimal.ZERO);
                schedules.put(KeyedValuations.leg(position.symbol(), position.side()), rate);
                schedules.putIfAbsent(position.symbol(), rate);
            }
        }
        MarginCalculator engine = new MarginCalculator(p -> Optional.ofNullable(
                schedules.get(KeyedValuations.leg(p.symbol(), p.side()))).orElseGet(() -> schedules.computeIfAbsent(
                p.symbol(), symbol -> bybitTiers.apply(symbol).map(ListedTiers::schedule).orElseGet(estimate))),
                BinanceMarginRules.INSTANCE);
        return KeyedValuations.portfolio(snapshot, engine);
    }

    private Maintenance maintenance(ExchangePosition position) {
        BigDecimal entryValue = position.size().multiply(position.entryPrice());
        Optional<ListedTiers> listed = bybitTiers.apply(position.symbol());
        if (listed.isPresent()) {
            return new Maintenance(listed.get().schedule().maintenanceMargin(entryValue), true, false,
                    new Reason(Kind.BYBIT_TIERS, position.symbol(), listed.get().source(), null, null));
        }
        BigDecimal reported = position.maintenanceMargin();
        if (reported != null && reported.signum() > 0) {
            return new Maintenance(reported, false, false,
                    Reason.aboutSymbol(Kind.BYBIT_REPORTED_MAINTENANCE, position.symbol()));
        }
        return new Maintenance(estimate.get().maintenanceMargin(entryValue), false, true,
                Reason.aboutSymbol(Kind.BYBIT_ESTIMATED, position.symbol()));
    }

    /** Bybit's isolated formula, maintenance at entry: the margin less maintenance is the loss the position survives. */
    private static PositionRisk isolated(Position position, BigDecimal mark, BigDecimal maintenance) {
        BigDecimal margin = position.isolatedMargin();
        BigDecimal liquidation = position.entryPrice().subtract(position.side().signDecimal()
                .multiply(Decimals.divide(margin.subtract(maintenance), position.quantity())));
        BigDecimal pnl = position.unrealizedPnl(mark);
        BigDecimal marginBalance = margin.add(pnl);
        BigDecimal own = liquidation.signum() > 0 ? liquidation : null;
        return new PositionRisk(position, mark, position.notionalAt(mark), pnl, margin, maintenance,
                KeyedValuations.ratio(maintenance, marginBalance), own,
                KeyedValuations.distance(mark, own, marginBalance.compareTo(maintenance) > 0),
                Decimals.divide(pnl, position.initialMargin()));
    }

    /**
     * The cross pool with maintenance at entry. A symbol's liquidation price holds the other positions at their
     * marks: wallet + others' PnL + Σ side × size × (P − entry) over the symbol's legs = Σ maintenance.
     */
    private static CrossAccountRisk pool(ExchangeAccountSnapshot snapshot, List<Position> positions,
                                         List<BigDecimal> marks, List<Maintenance> maintenances) {
        BigDecimal wallet = KeyedValuations.crossWallet(snapshot, positions, marks);
        BigDecimal pnl = BigDecimal.ZERO;
        BigDecimal maintenance = BigDecimal.ZERO;
        BigDecimal initial = BigDecimal.ZERO;
        Map<String, BigDecimal[]> legs = new HashMap<>();
        for (int i = 0; i < positions.size(); i++) {
            Position position = positions.get(i);
            if (position.isIsolated()) {
                continue;
            }
            BigDecimal legPnl = position.unrealizedPnl(marks.get(i));
            pnl = pnl.add(legPnl);
            maintenance = maintenance.add(maintenances.get(i).amount());
            initial = initial.add(Decimals.divide(position.notionalAt(marks.get(i)), BigDecimal.valueOf(position.leverage())));
            BigDecimal signedSize = position.side().signDecimal().multiply(position.quantity());
            BigDecimal[] sums = legs.computeIfAbsent(position.symbol(), s -> new BigDecimal[] {
                    BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
            sums[0] = sums[0].add(signedSize);
            sums[1] = sums[1].add(signedSize.multiply(position.entryPrice()));
            sums[2] = sums[2].add(legPnl);
        }
        if (legs.isEmpty()) {
            return null;
        }
        Map<String, BigDecimal> liquidationPrices = new HashMap<>();
        for (Map.Entry<String, BigDecimal[]> symbol : legs.entrySet()) {
            BigDecimal[] sums = symbol.getValue();
            if (sums[0].signum() == 0) {
                continue;
            }
            BigDecimal othersPnl = pnl.subtract(sums[2]);
            BigDecimal price = Decimals.divide(maintenance.subtract(wallet).subtract(othersPnl).add(sums[1]), sums[0]);
            if (price.signum() > 0) {
                liquidationPrices.put(symbol.getKey(), price);
            }
        }
        BigDecimal marginBalance = wallet.add(pnl);
        BigDecimal available = Decimals.max(BigDecimal.ZERO, marginBalance.subtract(initial));
        BigDecimal withdrawable = Decimals.max(BigDecimal.ZERO,
                Decimals.min(wallet.subtract(maintenance), marginBalance.subtract(initial)));
        return new CrossAccountRisk(wallet, pnl, marginBalance, maintenance,
                KeyedValuations.ratio(maintenance, marginBalance), initial, available, withdrawable, liquidationPrices);
    }

    private static KeyedExplanation explain(ExchangePosition position, SecondOpinion opinion,
                                            Maintenance maintenance, boolean isolated) {
        List<Reason> reasons = new ArrayList<>();
        if (maintenance.estimated()) {
            reasons.add(maintenance.note());
        }
        switch (opinion.verdict()) {
            case EXCHANGE_HAS_NONE -> reasons.add(Reason.of(isolated ? Kind.BYBIT_GIVES_NONE_ISOLATED
                    : Kind.BYBIT_GIVES_NONE_CROSS));
            case OWN_HAS_NONE -> reasons.add(Reason.of(Kind.OWN_HAS_NONE));
            case DIFFERS -> {
                if (!maintenance.estimated()) {
                    reasons.add(maintenance.note());
                }
                if (closerToMark(position, opinion)) {
                    reasons.add(Reason.of(Kind.BYBIT_FEE_TO_CLOSE));
                }
                if (!isolated) {
                    reasons.add(Reason.of(Kind.BYBIT_CROSS_HOLDS_THE_REST));
                }
                reasons.add(Reason.of(Kind.BYBIT_FUNDING_AND_FEES));
            }
            default -> {
            }
        }
        return KeyedValuations.explanation(KeyedExchange.BYBIT, reasons);
    }

    private static boolean closerToMark(ExchangePosition position, SecondOpinion opinion) {
        BigDecimal mark = position.markPrice();
        return mark.subtract(opinion.exchange()).abs().compareTo(mark.subtract(opinion.own()).abs()) < 0;
    }
}
