package org.marginsentinel.domain.watch.keyed;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.marginsentinel.domain.margin.CrossAccountRisk;
import org.marginsentinel.domain.margin.Decimals;
import org.marginsentinel.domain.margin.MarginCalculator;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.PositionRisk;
import org.marginsentinel.domain.margin.PricedPosition;
import org.marginsentinel.domain.margin.TierTable;
import org.marginsentinel.domain.watch.SecondOpinion;
import org.marginsentinel.domain.watch.WatchedPortfolio;
import org.marginsentinel.domain.watch.keyed.KeyedExplanation.Kind;
import org.marginsentinel.domain.watch.keyed.KeyedExplanation.Reason;

/**
 * Values a Binance USDⓈ-M account with the bot's own engine and Binance's brackets (the engine paper accounts use),
 * at Binance's own marks, so each figure stands next to Binance's: the liquidation price next to its
 * {@code liquidationPrice}, the account margin ratio (maintenance / margin balance, liquidation at 100%) next to
 * {@code totalMaintMargin / totalMarginBalance}. Cross: the pool's wallet is the account's wallet balance minus the
 * isolated positions' wallets. Pure.
 */
public final class BinanceValuer implements KeyedValuer {

    private final MarginCalculator engine;
    private final TierTable tiers;

    /** {@code engine} must use Binance's rules with {@code tiers} (the brackets the bot keeps up to date). */
    public BinanceValuer(MarginCalculator engine, TierTable tiers) {
        this.engine = engine;
        this.tiers = tiers;
    }

    @Override
    public KeyedExchange exchange() {
        return KeyedExchange.BINANCE;
    }

    @Override
    public KeyedValuation value(ExchangeAccountSnapshot snapshot) {
        List<ExchangePosition> valuable = new ArrayList<>();
        List<Position> positions = new ArrayList<>();
        List<ExchangePosition> notValued = new ArrayList<>();
        BigDecimal crossWallet = snapshot.walletBalance();
        for (ExchangePosition reported : snapshot.positions()) {
            Position position = toPosition(reported);
            if (position == null || reported.markPrice() == null) {
                notValued.add(reported);
                continue;
            }
            if (position.isIsolated()) {
                crossWallet = crossWallet.subtract(reported.isolatedMargin());
            }
            valuable.add(reported);
            positions.add(position);
        }
        List<PricedPosition> crossLegs = new ArrayList<>();
        for (int i = 0; i < positions.size(); i++) {
            if (!positions.get(i).isIsolated()) {
                crossLegs.add(new PricedPosition(positions.get(i), valuable.get(i).markPrice()));
            }
        }
        CrossAccountRisk cross = crossLegs.isEmpty() ? null : engine.cross(crossWallet, crossLegs);
        List<KeyedValuation.Valued> valued = new ArrayList<>();
        BigDecimal maintenance = BigDecimal.ZERO;
        BigDecimal pnl = BigDecimal.ZERO;
        for (int i = 0; i < valuable.size(); i++) {
            ExchangePosition reported = valuable.get(i);
            Position position = positions.get(i);
            PositionRisk risk = position.isIsolated() ? engine.isolated(position, reported.markPrice())
                    : KeyedRisks.crossRisk(engine, position, reported.markPrice(), cross);
            maintenance = maintenance.add(risk.maintenanceMargin());
            pnl = pnl.add(risk.unrealizedPnl());
            SecondOpinion opinion = SecondOpinion.of(reported.exchangeLiquidation(), risk.liquidationPrice());
            valued.add(new KeyedValuation.Valued(reported, risk, opinion, explain(reported, position, opinion)));
        }
        BigDecimal marginBalance = snapshot.walletBalance().add(pnl);
        BigDecimal ownRatio = valuable.isEmpty() || marginBalance.signum() <= 0 ? null
                : Decimals.divide(maintenance, marginBalance);
        return new KeyedValuation(snapshot, cross, valued, notValued, ownRatio,
                new KeyedValuation.CrossLegs(crossWallet, crossLegs, engine::maintenanceMargin));
    }

    /** The engine itself (Binance's brackets for every symbol); the wallet is Binance's, isolated wallets included. */
    @Override
    public Optional<WatchedPortfolio> portfolio(ExchangeAccountSnapshot snapshot) {
        if (snapshot.walletBalance() == null) {
            return Optional.empty();
        }
        List<PricedPosition> priced = new ArrayList<>();
        BigDecimal crossWallet = snapshot.walletBalance();
        for (ExchangePosition reported : snapshot.positions()) {
            Position position = toPosition(reported);
            if (position == null || reported.markPrice() == null) {
                return Optional.empty();
            }
            if (position.isIsolated()) {
                crossWallet = crossWallet.subtract(reported.isolatedMargin());
            }
            priced.add(new PricedPosition(position, reported.markPrice()));
        }
        return Optional.of(new WatchedPortfolio(engine, snapshot.walletBalance(), crossWallet, priced));
    }

    /** Why the two liquidation prices differ; null when they agree. */
    private KeyedExplanation explain(ExchangePosition reported, Position position, SecondOpinion opinion) {
        if (opinion.agrees()) {
            return null;
        }
        Reason tierNote = tiers.listed(reported.symbol()).isPresent() ? null
                : Reason.aboutSymbol(Kind.BINANCE_BRACKETS_ESTIMATED, reported.symbol());
        List<Reason> reasons = new ArrayList<>();
        switch (opinion.verdict()) {
            case EXCHANGE_HAS_NONE -> reasons.add(Reason.of(Kind.BINANCE_GIVES_NONE));
            case OWN_HAS_NONE -> reasons.add(Reason.of(Kind.BINANCE_OWN_HAS_NONE));
            default -> reasons.add(Reason.of(position.isIsolated() ? Kind.BINANCE_ISOLATED_DIFFERS
                    : Kind.BINANCE_CROSS_DIFFERS));
        }
        reasons.add(tierNote);
        if (opinion.verdict() != SecondOpinion.Verdict.EXCHANGE_HAS_NONE
                && opinion.verdict() != SecondOpinion.Verdict.OWN_HAS_NONE) {
            reasons.add(Reason.of(Kind.EXCHANGE_LIQUIDATES));
        }
        return KeyedValuations.explanation(KeyedExchange.BINANCE, reasons);
    }

    /** The engine's position; null when Binance's figures do not make one (an isolated position with no margin). */
    private static Position toPosition(ExchangePosition reported) {
        String id = reported.symbol() + ":" + reported.side();
        int leverage = Math.max(1, Math.min(Position.MAX_LEVERAGE, reported.leverage()));
        if (reported.mode() == MarginMode.CROSS) {
            return Position.cross(id, reported.symbol(), reported.side(), reported.size(), reported.entryPrice(),
                    leverage);
        }
        BigDecimal wallet = reported.isolatedMargin();
        return wallet == null || wallet.signum() <= 0 ? null : new Position(id, reported.symbol(), reported.side(),
                reported.size(), reported.entryPrice(), leverage, MarginMode.ISOLATED, wallet);
    }
}
