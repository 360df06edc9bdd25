package org.marginsentinel.application.port;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.marginsentinel.domain.alert.AlertDecision;
import org.marginsentinel.domain.alert.RecommendedAction;
import org.marginsentinel.domain.insight.PoolDistance;
import org.marginsentinel.domain.insight.SurvivalPlan;
import org.marginsentinel.domain.margin.CrossAccountRisk;
import org.marginsentinel.domain.margin.MarginAllowance;
import org.marginsentinel.domain.margin.PositionRisk;
import org.marginsentinel.domain.margin.Side;

/**
 * Something the bot tells a user without being asked. The Telegram adapter words and delivers it; the
 * application decides what and when.
 */
public sealed interface Notice {

    long userId();

    /** What the notice is about. */
    Subject subject();

    /** How urgent it is. */
    Severity severity();

    /** True for a reminder that is delivered without sound (a CRITICAL that is still CRITICAL). */
    default boolean silent() {
        return false;
    }

    /** Calls the {@code visitor} method for this kind of notice (Java 17 has no pattern-matching switch). */
    <R> R accept(Visitor<R> visitor);

    /** One method per kind of notice: adding a kind breaks every visitor until it handles it. */
    interface Visitor<R> {
        R positionWarning(PositionWarning warning);

        R poolWarning(PoolWarning warning);

        R drainWarning(DrainWarning warning);

        R isolatedLiquidated(IsolatedLiquidated liquidated);

        R crossLiquidated(CrossLiquidated liquidated);

        R feedPaused(FeedPaused paused);

        R feedResumed(FeedResumed resumed);

        R fundingPaid(FundingPaid paid);

        R priceAlertFired(PriceAlertFired fired);

        R stopExecuted(StopExecuted executed);
    }

    /**
     * An isolated position entered a worse level (or is still CRITICAL).
     *
     * @param marginToAdd      margin that moves the liquidation price to {@code saferLiquidation}; null if none
     * @param odds             its odds of liquidation within 24 hours (a fraction); null when no volatility is known
     * @param oddsTriggered    true when the level was reached through the user's odds trigger, not the distance
     * @param survival         what survives the 5%-chance 24-hour move; null when not needed or not known
     * @param addable          the most margin that can be added to it now (from the cross wallet); null if unknown
     */
    /** A warning for a level the alert policy decided: its severity and silence are the decision's. */
    sealed interface LevelWarning extends Notice permits PositionWarning, PoolWarning {

        AlertDecision decision();

        @Override
        default Severity severity() {
            return Severity.of(decision().level());
        }

        @Override
        default boolean silent() {
            return decision().silent();
        }
    }

    record PositionWarning(long userId, int positionNumber, PositionRisk risk, AlertDecision decision,
                           BigDecimal marginToAdd, BigDecimal saferLiquidation, BigDecimal odds, boolean oddsTriggered,
                           SurvivalPlan survival, MarginAllowance addable) implements LevelWarning {

        public PositionWarning(long userId, int positionNumber, PositionRisk risk, AlertDecision decision,
                               BigDecimal marginToAdd, BigDecimal saferLiquidation, BigDecimal odds,
                               boolean oddsTriggered, SurvivalPlan survival) {
            this(userId, positionNumber, risk, decision, marginToAdd, saferLiquidation, odds, oddsTriggered, survival,
                    null);
        }

        @Override
        public Subject subject() {
            return new Subject.Position(risk.position().id());
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.positionWarning(this);
        }

        /**
         * The one action this warning recommends: enough margin to clear the WARNING level and the likely move, or a
         * partial close when that is more than can be added now.
         */
        public Optional<RecommendedAction> recommended() {
            return RecommendedAction.forIsolated(marginToAdd, saferLiquidation,
                    survival == null ? null : survival.marginToAdd(),
                    survival == null ? null : survival.liquidationAfter(), addable);
        }

        public PositionWarning(long userId, int positionNumber, PositionRisk risk, AlertDecision decision,
                               BigDecimal marginToAdd, BigDecimal saferLiquidation) {
            this(userId, positionNumber, risk, decision, marginToAdd, saferLiquidation, null, false, null, null);
        }
    }

    /**
     * The cross pool entered a worse level (or is still CRITICAL).
     *
     * @param shareToClose    fraction of every cross position to close that brings the ratio under the target
     * @param depositToTarget USDT to deposit for the same
     * @param targetRatio     the ratio the advice aims under
     * @param survival        what survives the 5%-chance 24-hour move of every symbol; null when not needed or not known
     * @param distance        the pool's distance to liquidation (joint adverse move) and its odds; null when not known
     */
    record PoolWarning(long userId, CrossAccountRisk pool, AlertDecision decision, BigDecimal shareToClose,
                       BigDecimal depositToTarget, BigDecimal targetRatio, SurvivalPlan survival,
                       PoolDistance distance) implements LevelWarning {

        public PoolWarning(long userId, CrossAccountRisk pool, AlertDecision decision, BigDecimal shareToClose,
                           BigDecimal depositToTarget, BigDecimal targetRatio, SurvivalPlan survival) {
            this(userId, pool, decision, shareToClose, depositToTarget, targetRatio, survival, null);
        }

        /** The same warning with the pool's distance. */
        public PoolWarning withDistance(PoolDistance poolDistance) {
            return new PoolWarning(userId, pool, decision, shareToClose, depositToTarget, targetRatio, survival,
                    poolDistance);
        }

        @Override
        public Subject subject() {
            return new Subject.CrossPool(userId);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.poolWarning(this);
        }

        /** The one action this warning recommends: the share to close (or deposit) that clears both goals. */
        public Optional<RecommendedAction> recommended() {
            return RecommendedAction.forPool(shareToClose, depositToTarget,
                    survival == null ? null : survival.shareToClose(),
                    survival == null ? null : survival.depositNeeded());
        }

        public PoolWarning(long userId, CrossAccountRisk pool, AlertDecision decision, BigDecimal shareToClose,
                           BigDecimal depositToTarget, BigDecimal targetRatio) {
            this(userId, pool, decision, shareToClose, depositToTarget, targetRatio, null);
        }
    }

    /**
     * The cross pool's margin balance is falling fast.
     *
     * @param timeToLiquidation at the current rate; null when it cannot be estimated
     * @param drainingSymbol    the symbol whose positions lost the most over the window; null if unknown
     * @param distance          the pool's distance to liquidation by the same engine; null when not known
     */
    record DrainWarning(long userId, BigDecimal dropFraction, BigDecimal ratePerHour, Duration timeToLiquidation,
                        BigDecimal marginBalance, BigDecimal marginRatio, String drainingSymbol,
                        PoolDistance distance) implements Notice {

        public DrainWarning(long userId, BigDecimal dropFraction, BigDecimal ratePerHour, Duration timeToLiquidation,
                            BigDecimal marginBalance, BigDecimal marginRatio, String drainingSymbol) {
            this(userId, dropFraction, ratePerHour, timeToLiquidation, marginBalance, marginRatio, drainingSymbol,
                    null);
        }

        @Override
        public Subject subject() {
            return new Subject.CrossPool(userId);
        }

        @Override
        public Severity severity() {
            return Severity.WARNING;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.drainWarning(this);
        }
    }

    /**
     * An isolated position was liquidated: its margin is gone.
     *
     * @param marginThatWouldHaveSaved extra margin that would have kept it open with a buffer; null if unknown
     * @param positionId               the liquidated position's id, whose unsent warnings it makes stale; null if unknown
     */
    record IsolatedLiquidated(long userId, int positionNumber, String symbol, Side side, BigDecimal quantity,
                              BigDecimal markPrice, BigDecimal liquidationPrice, BigDecimal marginLost,
                              BigDecimal marginThatWouldHaveSaved, String positionId) implements Notice {

        public IsolatedLiquidated(long userId, int positionNumber, String symbol, Side side, BigDecimal quantity,
                                  BigDecimal markPrice, BigDecimal liquidationPrice, BigDecimal marginLost,
                                  BigDecimal marginThatWouldHaveSaved) {
            this(userId, positionNumber, symbol, side, quantity, markPrice, liquidationPrice, marginLost,
                    marginThatWouldHaveSaved, null);
        }

        /** The liquidated position, whose warnings are stale now; empty when its id is unknown. */
        public Optional<Subject> position() {
            return Optional.ofNullable(positionId).map(Subject.Position::new);
        }

        /** The account: this notice carries the user's position number, not the position's id. */
        @Override
        public Subject subject() {
            return new Subject.Account(userId);
        }

        @Override
        public Severity severity() {
            return Severity.CRITICAL;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.isolatedLiquidated(this);
        }
    }

    /**
     * The cross pool was liquidated: every cross position closed, the cross wallet is gone.
     *
     * @param depositThatWouldHaveSaved what would have kept the pool under 100% with a buffer; null if unknown
     */
    record CrossLiquidated(long userId, List<ClosedPosition> closedPositions, BigDecimal walletLost,
                           BigDecimal depositThatWouldHaveSaved) implements Notice {

        /** One cross position the liquidation closed, worded by the adapter in the reader's language. */
        public record ClosedPosition(int number, String symbol, Side side, BigDecimal quantity) {
        }

        @Override
        public Subject subject() {
            return new Subject.CrossPool(userId);
        }

        @Override
        public Severity severity() {
            return Severity.CRITICAL;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.crossLiquidated(this);
        }
    }

    /** Prices stopped arriving; warnings for these symbols are paused. */
    record FeedPaused(long userId, Duration silentFor) implements Notice {

        @Override
        public Subject subject() {
            return new Subject.Account(userId);
        }

        @Override
        public Severity severity() {
            return Severity.INFO;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.feedPaused(this);
        }
    }

    /** Prices are back; warnings resume. */
    record FeedResumed(long userId) implements Notice {

        @Override
        public Subject subject() {
            return new Subject.Account(userId);
        }

        @Override
        public Severity severity() {
            return Severity.INFO;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.feedResumed(this);
        }
    }

    /**
     * A funding payment moved a position closer to a warning level: what it paid and where it now stands.
     *
     * @param paid             what the position paid (positive)
     * @param liquidationPrice its liquidation price after the payment (for cross: other marks held); null if none
     * @param distance         the mark's distance to it, a fraction; null if none
     */
    record FundingPaid(long userId, String positionId, int positionNumber, String symbol, BigDecimal paid,
                       BigDecimal rate, BigDecimal liquidationPrice, BigDecimal distance) implements Notice {

        @Override
        public Subject subject() {
            return new Subject.Position(positionId);
        }

        @Override
        public Severity severity() {
            return Severity.INFO;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.fundingPaid(this);
        }
    }

    /** A price alert the trader set was reached by the mark; it fired once and is gone. */
    record PriceAlertFired(long userId, String symbol, String direction, BigDecimal level, BigDecimal mark)
            implements Notice {

        @Override
        public Subject subject() {
            return new Subject.Account(userId);
        }

        @Override
        public Severity severity() {
            return Severity.INFO;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.priceAlertFired(this);
        }
    }

    /**
     * A stop-loss or take-profit closed a paper position at the mark.
     *
     * @param kind        "stop-loss" or "take-profit"
     * @param realizedPnl PnL of the close before its fee
     * @param fee         the taker fee the close paid
     */
    record StopExecuted(long userId, int positionNumber, String symbol, Side side, String kind,
                        BigDecimal stopPrice, BigDecimal mark, BigDecimal quantity, BigDecimal realizedPnl,
                        BigDecimal fee) implements Notice {

        @Override
        public Subject subject() {
            return new Subject.Account(userId);
        }

        @Override
        public Severity severity() {
            return Severity.INFO;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.stopExecuted(this);
        }
    }
}
