package org.marginsentinel.domain.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.marginsentinel.domain.alert.RecommendedAction.Kind;
import org.marginsentinel.domain.margin.MarginAllowance;

class RecommendedActionTest {

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void isolated_twoMarginFigures_recommendsTheLargerOne_withItsLiquidationPrice() {
        // The defect's warning: "add 4,255.92 USDT" (clear of WARNING) next to "add 353.70 USDT" (the likely move).
        RecommendedAction action = RecommendedAction.forIsolated(d("4255.914"), d("64000"), d("353.70"), d("70100"))
                .orElseThrow();

        assertThat(action.kind()).isEqualTo(Kind.ADD_MARGIN);
        assertThat(action.amount()).isEqualByComparingTo("4255.92");   // rounded up: never short of the target
        assertThat(action.liquidationAfter()).isEqualByComparingTo("64000");
        assertThat(action.survivesLikelyMove()).isTrue();
    }

    @Test
    void isolated_survivalNeedsMore_recommendsTheSurvivalMargin() {
        RecommendedAction action = RecommendedAction.forIsolated(d("300"), d("64000"), d("900.001"), d("60000"))
                .orElseThrow();

        assertThat(action.amount()).isEqualByComparingTo("900.01");
        assertThat(action.liquidationAfter()).isEqualByComparingTo("60000");
    }

    @Test
    void isolated_withoutVolatility_recommendsTheTargetMargin_andDoesNotClaimTheLikelyMove() {
        RecommendedAction action = RecommendedAction.forIsolated(d("120"), d("70000"), null, null).orElseThrow();

        assertThat(action.amount()).isEqualByComparingTo("120");
        assertThat(action.survivesLikelyMove()).isFalse();
    }

    @Test
    void isolated_noFigure_recommendsNothing() {
        assertThat(RecommendedAction.forIsolated(null, null, null, null)).isEmpty();
        assertThat(RecommendedAction.forIsolated(BigDecimal.ZERO, null, null, null)).isEmpty();
    }

    @Test
    void pool_twoShareFigures_recommendsClosingTheLargerShare_roundedUpToAPercent() {
        // The defect's warnings: "close 2% or deposit 14" and "deposit 4,889.36 or close 86%".
        RecommendedAction action = RecommendedAction.forPool(d("0.0131"), d("14"), d("0.8531"), d("4889.36"))
                .orElseThrow();

        assertThat(action.kind()).isEqualTo(Kind.CLOSE);
        assertThat(action.sharePercent()).isEqualByComparingTo("86");
        assertThat(action.amount()).isNull();
    }

    @Test
    void pool_closingCannotSurviveTheMove_recommendsTheLargerDeposit() {
        RecommendedAction action = RecommendedAction.forPool(d("0.02"), d("14"), null, d("4889.351")).orElseThrow();

        assertThat(action.kind()).isEqualTo(Kind.DEPOSIT);
        assertThat(action.amount()).isEqualByComparingTo("4889.36");
    }

    @Test
    void pool_closingWouldTakeEverything_recommendsTheDeposit() {
        RecommendedAction action = RecommendedAction.forPool(d("0.9999"), d("9000"), null, null).orElseThrow();

        assertThat(action.kind()).isEqualTo(Kind.DEPOSIT);
        assertThat(action.amount()).isEqualByComparingTo("9000");
    }

    @Test
    void pool_nothingNeeded_recommendsNothing() {
        assertThat(RecommendedAction.forPool(null, null, null, null)).isEmpty();
        assertThat(RecommendedAction.forPool(BigDecimal.ZERO, BigDecimal.ZERO, null, null)).isEmpty();
    }

    @Test
    void isolated_moreMarginThanCanBeAdded_fallsBackToAPartialClose_whoseRemainderTheAddableMarginClears() {
        MarginAllowance addable = new MarginAllowance(d("400"), "only the cross wallet can move");

        RecommendedAction action = RecommendedAction.forIsolated(d("999.991"), d("64000"), null, null, addable)
                .orElseThrow();

        // 400 of 1,000: close 60% (the remainder needs at most 40% of the margin), then add 400.00 to it
        assertThat(action.kind()).isEqualTo(Kind.CLOSE);
        assertThat(action.sharePercent()).isEqualByComparingTo("60");
        assertThat(action.amount()).isEqualByComparingTo("400.00");
        assertThat(action.amount()).isLessThanOrEqualTo(addable.most());
        assertThat(action.shortfall().needed()).isEqualByComparingTo("1000.00");
        assertThat(action.shortfall().addable()).isEqualTo(addable);
    }

    @Test
    void isolated_anOddAddableAmount_roundsTheShareUp_soWhatIsAddedNeverExceedsIt() {
        MarginAllowance addable = new MarginAllowance(d("333.33"), "the available balance");

        RecommendedAction action = RecommendedAction.forIsolated(d("1000"), d("64000"), null, null, addable)
                .orElseThrow();

        assertThat(action.sharePercent()).isEqualByComparingTo("67");
        assertThat(action.amount()).isEqualByComparingTo("330.00").isLessThanOrEqualTo(addable.most());
    }

    @Test
    void isolated_nothingCanBeAdded_recommendsClosingIt() {
        RecommendedAction action = RecommendedAction.forIsolated(d("500"), d("64000"), d("700"), d("62000"),
                new MarginAllowance(BigDecimal.ZERO, "the cross wallet is empty")).orElseThrow();

        assertThat(action.kind()).isEqualTo(Kind.CLOSE);
        assertThat(action.share()).isEqualByComparingTo("1");
        assertThat(action.amount()).isNull();
        assertThat(action.shortfall().needed()).isEqualByComparingTo("700");
    }

    @Test
    void isolated_affordableMargin_staysTheRecommendation() {
        RecommendedAction action = RecommendedAction.forIsolated(d("500"), d("64000"), null, null,
                new MarginAllowance(d("500"), "the cross wallet")).orElseThrow();

        assertThat(action.kind()).isEqualTo(Kind.ADD_MARGIN);
        assertThat(action.amount()).isEqualByComparingTo("500");
        assertThat(action.shortfall()).isNull();
    }
}
