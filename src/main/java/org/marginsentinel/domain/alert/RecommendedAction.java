package org.marginsentinel.domain.alert;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;
import org.marginsentinel.domain.margin.Decimals;
import org.marginsentinel.domain.margin.MarginAllowance;

/**
 * The one thing a warning recommends, with the number that makes it work. A warning used to offer two competing
 * remedies — the margin (or share, or deposit) that clears the user's WARNING level, and the one that survives the
 * move the symbol has a 5% chance of making within 24 hours — which rarely agree. The recommendation takes the
 * amount that does both (the larger), so following it is enough; every other remedy stays in {@code /risk}.
 *
 * <ul>
 *   <li>Isolated position: add margin (closing part of an isolated position does not move its liquidation price,
 *       so it is no remedy by itself). When that is more than can be added now (the cross wallet's rules,
 *       {@link MarginAllowance}), the next action: close the share of it whose remainder the addable margin does
 *       clear, then add that margin (everything, when nothing can be added), with the {@link Shortfall} said.</li>
 *   <li>Cross pool: close the same share of every cross position (reducing lowers the risk, a deposit only funds
 *       the same bet), unless closing cannot reach a goal or needs everything; then deposit.</li>
 * </ul>
 * Empty when no figure says anything is needed.
 *
 * @param kind              what to do
 * @param amount            {@link Kind#ADD_MARGIN} / {@link Kind#DEPOSIT}: USDT, rounded up to the cent;
 *                          {@link Kind#CLOSE} of an isolated position: the margin to add to what remains, or null
 * @param share             {@link Kind#CLOSE}: the share to close, rounded up to a whole percent (1 = all of it)
 * @param liquidationAfter  {@link Kind#ADD_MARGIN}: the liquidation price once added, when known; else null
 * @param survivesLikelyMove true when the action also covers the 5%-chance 24-hour move (that figure was known)
 * @param shortfall         why adding margin is not the action: more was needed than can be added; else null
 */
public record RecommendedAction(Kind kind, BigDecimal amount, BigDecimal share, BigDecimal liquidationAfter,
                                boolean survivesLikelyMove, Shortfall shortfall) {

    /**
     * The margin an isolated position needed, more than can be added now.
     *
     * @param needed  the margin that would have done it, rounded up to the cent
     * @param addable the most that can be added now, and the rule that limits it
     */
    public record Shortfall(BigDecimal needed, MarginAllowance addable) {
    }

    /** What a warning recommends. */
    public enum Kind { ADD_MARGIN, CLOSE, DEPOSIT }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public RecommendedAction {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.CLOSE) != (share != null) || kind != Kind.CLOSE && amount == null) {
            throw new IllegalArgumentException(kind + " needs " + (kind == Kind.CLOSE ? "a share" : "an amount"));
        }
    }

    public RecommendedAction(Kind kind, BigDecimal amount, BigDecimal share, BigDecimal liquidationAfter,
                             boolean survivesLikelyMove) {
        this(kind, amount, share, liquidationAfter, survivesLikelyMove, null);
    }

    /**
     * @param marginToTarget     margin that puts the liquidation price clear of the WARNING distance; null if unknown
     * @param liquidationAtTarget the liquidation price after it; null if unknown
     * @param marginToSurvive    margin that survives the 5%-chance 24-hour move; null if unknown
     * @param liquidationIfSurvive the liquidation price after that; null if unknown
     */
    public static Optional<RecommendedAction> forIsolated(BigDecimal marginToTarget, BigDecimal liquidationAtTarget,
                                                BigDecimal marginToSurvive, BigDecimal liquidationIfSurvive) {
        return forIsolated(marginToTarget, liquidationAtTarget, marginToSurvive, liquidationIfSurvive, null);
    }

    /**
     * {@link #forIsolated(BigDecimal, BigDecimal, BigDecimal, BigDecimal)} checked against what can be added now.
     * Beyond it, a partial close: the maintenance margin of a smaller position is at most its share of the larger's
     * (tiers only raise the rate with the notional), so what remains of closing share s needs at most (1 − s) × the
     * margin; s is the smallest whole percent whose remainder's need the addable margin covers.
     *
     * @param addable the most that can be added now; null when unknown (not checked)
     */
    public static Optional<RecommendedAction> forIsolated(BigDecimal marginToTarget, BigDecimal liquidationAtTarget,
                                                BigDecimal marginToSurvive, BigDecimal liquidationIfSurvive,
                                                MarginAllowance addable) {
        Optional<RecommendedAction> add = addMargin(marginToTarget, liquidationAtTarget, marginToSurvive,
                liquidationIfSurvive);
        if (add.isEmpty() || addable == null || addable.allows(add.get().amount())) {
            return add;
        }
        BigDecimal needed = add.get().amount();
        Shortfall shortfall = new Shortfall(needed, addable);
        BigDecimal keep = BigDecimal.ONE.subtract(
                wholePercent(BigDecimal.ONE.subtract(Decimals.divide(addable.most(), needed))));
        BigDecimal then = keep.signum() > 0 ? cents(needed.multiply(keep)) : null;
        return Optional.of(new RecommendedAction(Kind.CLOSE, then == null || then.signum() == 0 ? null : then,
                BigDecimal.ONE.subtract(keep), null, add.get().survivesLikelyMove(), shortfall));
    }

    private static Optional<RecommendedAction> addMargin(BigDecimal marginToTarget, BigDecimal liquidationAtTarget,
                                                         BigDecimal marginToSurvive, BigDecimal liquidationIfSurvive) {
        boolean target = positive(marginToTarget);
        boolean survive = positive(marginToSurvive);
        if (!target && !survive) {
            return Optional.empty();
        }
        boolean survivalIsLarger = survive && (!target || marginToSurvive.compareTo(marginToTarget) > 0);
        BigDecimal amount = survivalIsLarger ? marginToSurvive : marginToTarget;
        BigDecimal liquidation = survivalIsLarger ? liquidationIfSurvive : liquidationAtTarget;
        return Optional.of(new RecommendedAction(Kind.ADD_MARGIN, cents(amount), null, liquidation, survive));
    }

    /**
     * @param shareToTarget    share of every cross position that brings the ratio under the target; null when closing
     *                         cannot (or unknown)
     * @param depositToTarget  deposit that does the same; null if unknown
     * @param shareToSurvive   share that survives the 5%-chance 24-hour move; null when closing cannot (or unknown)
     * @param depositToSurvive deposit that does the same; null if unknown
     */
    public static Optional<RecommendedAction> forPool(BigDecimal shareToTarget, BigDecimal depositToTarget,
                                            BigDecimal shareToSurvive, BigDecimal depositToSurvive) {
        boolean survivalKnown = depositToSurvive != null || shareToSurvive != null;
        // Closing is a remedy only when it reaches every goal that has a figure.
        boolean closingReachesTarget = shareToTarget != null || depositToTarget == null;
        boolean closingSurvives = shareToSurvive != null || depositToSurvive == null;
        BigDecimal share = max(shareToTarget, shareToSurvive);
        if (closingReachesTarget && closingSurvives && share != null && share.signum() > 0) {
            BigDecimal rounded = wholePercent(share);
            if (rounded.compareTo(BigDecimal.ONE) < 0) {
                return Optional.of(new RecommendedAction(Kind.CLOSE, null, rounded, null, survivalKnown));
            }
        }
        BigDecimal deposit = max(depositToTarget, depositToSurvive);
        if (deposit != null && deposit.signum() > 0) {
            return Optional.of(new RecommendedAction(Kind.DEPOSIT, cents(deposit), null, null, survivalKnown));
        }
        // Nothing can be bought back with a deposit: only closing everything ends it (or nothing is needed at all).
        return share != null && share.signum() > 0
                ? Optional.of(new RecommendedAction(Kind.CLOSE, null, BigDecimal.ONE, null, survivalKnown))
                : Optional.empty();
    }

    /** The share as a whole percentage, e.g. 25 for 0.25. */
    public BigDecimal sharePercent() {
        return share.multiply(HUNDRED).setScale(0, RoundingMode.UP);
    }

    private static boolean positive(BigDecimal value) {
        return value != null && value.signum() > 0;
    }

    private static BigDecimal max(BigDecimal a, BigDecimal b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) >= 0 ? a : b;
    }

    private static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UP);
    }

    private static BigDecimal wholePercent(BigDecimal share) {
        return share.min(BigDecimal.ONE).multiply(HUNDRED).setScale(0, RoundingMode.UP).divide(HUNDRED);
    }
}
