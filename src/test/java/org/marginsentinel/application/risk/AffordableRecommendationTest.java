package org.marginsentinel.application.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marginsentinel.testsupport.fakes.PaperDesk.order;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.marginsentinel.application.port.Notice;
import org.marginsentinel.domain.alert.RecommendedAction;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Side;

/**
 * A warning never recommends adding more margin than the owner can add (the cross wallet's rules): the watch checks
 * the margin it recommends against what is addable at the same marks, and recommends a partial close otherwise.
 */
class AffordableRecommendationTest {

    private static final long TRADER = 12;

    private final WatchRig rig = new WatchRig();

    @Test
    void aPositionThatTookMostOfTheWallet_isToldToCloseAPart_notToAddMarginItCannotAdd() {
        rig.desk.marks.set("BTCUSDT", "80000");
        rig.desk.trading.start(TRADER, "Trader");
        // 2.4 BTC at 20x isolated: 9,600 of margin, 400 left in the cross wallet
        rig.desk.trading.open(TRADER, order("BTCUSDT", Side.LONG, "2.4", 20, MarginMode.ISOLATED, null));
        rig.commit();

        rig.tick("BTCUSDT", "78500");

        Notice.PositionWarning warning = rig.desk.notifier.notices().stream()
                .filter(n -> n instanceof Notice.PositionWarning).map(n -> (Notice.PositionWarning) n)
                .findFirst().orElseThrow();
        RecommendedAction action = warning.recommended().orElseThrow();
        assertThat(action.kind()).isEqualTo(RecommendedAction.Kind.CLOSE);
        assertThat(action.share()).isGreaterThan(BigDecimal.ZERO).isLessThan(BigDecimal.ONE);
        assertThat(action.amount()).isPositive().isLessThanOrEqualTo(new BigDecimal("400"));
        assertThat(action.shortfall().addable().most()).isEqualByComparingTo("400");
        assertThat(action.shortfall().needed()).isGreaterThan(new BigDecimal("400"));
    }

    @Test
    void withEnoughInTheWallet_theMarginToAddStaysTheRecommendation() {
        rig.desk.marks.set("BTCUSDT", "80000");
        rig.desk.trading.start(TRADER, "Trader");
        rig.desk.trading.open(TRADER, order("BTCUSDT", Side.LONG, "0.1", 20, MarginMode.ISOLATED, null));
        rig.commit();

        rig.tick("BTCUSDT", "78500");

        Notice.PositionWarning warning = rig.desk.notifier.notices().stream()
                .filter(n -> n instanceof Notice.PositionWarning).map(n -> (Notice.PositionWarning) n)
                .findFirst().orElseThrow();
        assertThat(warning.recommended().orElseThrow().kind()).isEqualTo(RecommendedAction.Kind.ADD_MARGIN);
        assertThat(warning.recommended().orElseThrow().shortfall()).isNull();
    }
}
