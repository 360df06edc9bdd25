package org.marginsentinel.domain.margin;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The margin-risk engine: values positions at mark prices with tiered maintenance margin and finds
 * liquidation prices, following Binance's published USDⓈ-M formulas (one-way mode, no fee term).
 * Pure and thread-safe; every number is a BigDecimal.
 */
public final class MarginCalculator {

    private final TierLookup tiers;
    private final MarginRules rules;

    /** Binance's rules with these tiers. */
    public MarginCalculator(TierLookup tiers) {
        this(tiers, BinanceMarginRules.INSTANCE);
    }

    public MarginCalculator(TierLookup tiers, MarginRules rules) {
        this.tiers = Objects.requireNonNull(tiers, "tiers");
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    public MarginRules rules() {
        return rules;
    }

    public BigDecimal maintenanceMargin(Position position, BigDecimal markPrice) {
        return tiers.scheduleFor(position).maintenanceMargin(position.notionalAt(markPrice));
    }

    /** Where the isolated wallet plus the position's PnL equals its maintenance margin. */
    public java.util.Optional<BigDecimal> isolatedLiquidationPrice(Position position) {
        requireIsolated(position);
        return LiquidationSolver.solve(position.isolatedMargin(), List.of(leg(position)), position.entryPrice());
    }

    public PositionRisk isolated(Position position, BigDecimal markPrice) {
        requireIsolated(position);
        BigDecimal pnl = position.unrealizedPnl(markPrice);
        BigDecimal maintenance = maintenanceMargin(position, markPrice);
        BigDecimal marginBalance = position.isolatedMargin().add(pnl);
        BigDecimal liquidation = LiquidationSolver
                .solve(position.isolatedMargin(), List.of(leg(position)), markPrice).orElse(null);
        boolean solvent = marginBalance.compareTo(maintenance) > 0;
        return new PositionRisk(position, markPrice, position.notionalAt(markPrice), pnl, position.isolatedMargin(),
                maintenance, ratio(maintenance, marginBalance), liquidation,
                distance(markPrice, liquidation, solvent), returnOnEquity(position, pnl));
    }

    /**
     * Values a whole account. {@code walletBalance} is the account wallet including the isolated margins;
     * the cross pool is what remains of it after those.
     */
    public AccountRisk account(BigDecimal walletBalance, List<PricedPosition> positions) {
        Objects.requireNonNull(walletBalance, "walletBalance");
        BigDecimal isolatedMargin = BigDecimal.ZERO;
        BigDecimal totalPnl = BigDecimal.ZERO;
        List<PricedPosition> crossPositions = new ArrayList<>();
        for (PricedPosition priced : positions) {
            Position position = priced.position();
            totalPnl = totalPnl.add(position.unrealizedPnl(priced.markPrice()));
            if (position.isIsolated()) {
                isolatedMargin = isolatedMargin.add(position.isolatedMargin());
            } else {
                crossPositions.add(priced);
            }
        }
        CrossAccountRisk cross = cross(walletBalance.subtract(isolatedMargin), crossPositions);
        List<PositionRisk> risks = new ArrayList<>(positions.size());
        for (PricedPosition priced : positions) {
            Position position = priced.position();
            risks.add(position.isIsolated() ? isolated(position, priced.markPrice())
                    : crossPositionRisk(priced, cross));
        }
        return new AccountRisk(walletBalance, isolatedMargin, walletBalance.add(totalPnl), cross, risks);
    }

    /** The cross pool alone: {@code crossWallet} backs every position given (all must be cross). */
    public CrossAccountRisk cross(BigDecimal crossWallet, List<PricedPosition> crossPositions) {
        BigDecimal pnl = BigDecimal.ZERO;
        BigDecimal maintenance = BigDecimal.ZERO;
        BigDecimal initial = BigDecimal.ZERO;
        Map<String, List<PricedPosition>> bySymbol = new LinkedHashMap<>();
        for (PricedPosition priced : crossPositions) {
            Position position = priced.position();
            if (position.isIsolated()) {
                throw new IllegalArgumentException("not a cross position: " + position.id());
            }
            pnl = pnl.add(position.unrealizedPnl(priced.markPrice()));
            maintenance = maintenance.add(maintenanceMargin(position, priced.markPrice()));
            initial = initial.add(Decimals.divide(position.notionalAt(priced.markPrice()),
                    BigDecimal.valueOf(position.leverage())));
            bySymbol.computeIfAbsent(position.symbol(), s -> new ArrayList<>()).add(priced);
        }
        BigDecimal marginBalance = crossWallet.add(pnl);
        Map<String, BigDecimal> liquidationPrices = new HashMap<>();
        for (Map.Entry<String, List<PricedPosition>> symbol : bySymbol.entrySet()) {
            BigDecimal othersPnl = pnl;
            BigDecimal othersMaintenance = maintenance;
            List<LiquidationSolver.Leg> legs = new ArrayList<>();
            for (PricedPosition priced : symbol.getValue()) {
                othersPnl = othersPnl.subtract(priced.position().unrealizedPnl(priced.markPrice()));
                othersMaintenance = othersMaintenance.subtract(maintenanceMargin(priced.position(), priced.markPrice()));
                legs.add(leg(priced.position()));
            }
            BigDecimal constant = crossWallet.add(othersPnl).subtract(othersMaintenance);
            BigDecimal mark = symbol.getValue().get(0).markPrice();
            LiquidationSolver.solve(constant, legs, mark)
                    .ifPresent(price -> liquidationPrices.put(symbol.getKey(), price));
        }
        BigDecimal available = Decimals.max(BigDecimal.ZERO, marginBalance.subtract(initial));
        BigDecimal withdrawable = rules.withdrawable(new CrossPool(crossWallet, pnl, maintenance, initial)).most();
        return new CrossAccountRisk(crossWallet, pnl, marginBalance, maintenance, ratio(maintenance, marginBalance),
                initial, available, withdrawable, liquidationPrices);
    }

    /** Most that can move from the cross wallet into an isolated position, by the venue's rules. */
    public MarginAllowance addableMargin(CrossAccountRisk cross) {
        return rules.addableIsolatedMargin(CrossPool.of(cross));
    }

    /** Most that can leave the account, by the venue's rules. */
    public MarginAllowance withdrawable(CrossAccountRisk cross) {
        return rules.withdrawable(CrossPool.of(cross));
    }

    /** Most that can be taken out of an isolated position at this mark, by the venue's rules. */
    public MarginAllowance removableMargin(Position position, BigDecimal markPrice) {
        requireIsolated(position);
        return rules.removableIsolatedMargin(position, markPrice, tiers.scheduleFor(position));
    }

    /** Adds margin to an isolated position: its liquidation price moves away from the mark. */
    public MarginChange addMargin(Position position, BigDecimal amount) {
        requireIsolated(position);
        if (amount.signum() <= 0) {
            return MarginChange.refused(position, MarginChange.Reason.NOT_POSITIVE, "The amount must be positive.");
        }
        Position changed = position.withIsolatedMargin(position.isolatedMargin().add(amount));
        return MarginChange.accepted(changed, isolatedLiquidationPrice(changed).orElse(null));
    }

    /**
     * Removes margin from an isolated position, refused beyond what the venue allows at this mark (Binance: the
     * maintenance margin and the initial margin at the mark stay covered after the unrealised PnL).
     */
    public MarginChange removeMargin(Position position, BigDecimal markPrice, BigDecimal amount) {
        requireIsolated(position);
        if (amount.signum() <= 0) {
            return MarginChange.refused(position, MarginChange.Reason.NOT_POSITIVE, "The amount must be positive.");
        }
        MarginAllowance removable = removableMargin(position, markPrice);
        if (!removable.allows(amount)) {
            return MarginChange.beyond(position, removable, removable.refusal("At most %s can be removed now"));
        }
        BigDecimal remaining = position.isolatedMargin().subtract(amount);
        if (remaining.signum() <= 0) {
            return MarginChange.refused(position, MarginChange.Reason.KEEP_SOME_MARGIN,
                    "A position must keep some margin; close it instead.");
        }
        Position changed = position.withIsolatedMargin(remaining);
        BigDecimal marginBalance = remaining.add(position.unrealizedPnl(markPrice));
        if (marginBalance.compareTo(maintenanceMargin(position, markPrice)) <= 0) {
            return MarginChange.refused(position, MarginChange.Reason.WOULD_LIQUIDATE,
                    "That would liquidate the position at the current mark.");
        }
        return MarginChange.accepted(changed, isolatedLiquidationPrice(changed).orElse(null));
    }

    private PositionRisk crossPositionRisk(PricedPosition priced, CrossAccountRisk cross) {
        Position position = priced.position();
        BigDecimal mark = priced.markPrice();
        BigDecimal pnl = position.unrealizedPnl(mark);
        BigDecimal liquidation = cross.liquidationPrice(position.symbol()).orElse(null);
        BigDecimal initial = Decimals.divide(position.notionalAt(mark), BigDecimal.valueOf(position.leverage()));
        return new PositionRisk(position, mark, position.notionalAt(mark), pnl, initial,
                maintenanceMargin(position, mark), cross.marginRatio(), liquidation,
                distance(mark, liquidation, !cross.liquidated()), returnOnEquity(position, pnl));
    }

    private LiquidationSolver.Leg leg(Position position) {
        return new LiquidationSolver.Leg(position.side(), position.quantity(), position.entryPrice(),
                tiers.scheduleFor(position));
    }

    private static BigDecimal ratio(BigDecimal maintenance, BigDecimal marginBalance) {
        if (marginBalance.signum() > 0) {
            return Decimals.divide(maintenance, marginBalance);
        }
        return maintenance.signum() == 0 ? BigDecimal.ZERO : null;
    }

    private static BigDecimal distance(BigDecimal mark, BigDecimal liquidation, boolean solvent) {
        if (liquidation == null) {
            return null;
        }
        BigDecimal distance = Decimals.divide(mark.subtract(liquidation).abs(), mark);
        return solvent ? distance : distance.negate();
    }

    private static BigDecimal returnOnEquity(Position position, BigDecimal pnl) {
        return Decimals.divide(pnl, position.initialMargin());
    }

    private static void requireIsolated(Position position) {
        if (!position.isIsolated()) {
            throw new IllegalArgumentException("not an isolated position: " + position.id());
        }
    }
}
