package org.marginsentinel.application.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marginsentinel.testsupport.fakes.PaperDesk.order;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marginsentinel.application.OpenOrder;
import org.marginsentinel.application.PracticeTrading;
import org.marginsentinel.domain.alert.RiskLevel;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.testsupport.fakes.PaperDesk;

/**
 * Issue 11: practice positions (an {@code @entry} outside the last 24 hours' range) are left out of the group board's
 * ranking, as out of the leaderboard: a made-up entry can neither top the board nor make a pool look safe.
 */
class RiskBoardPracticeTest {

    private static final long ALICE = 1;
    private static final long BOB = 2;

    private final PaperDesk desk = new PaperDesk();
    private final PracticeTrading practice = desk.practice;

    @BeforeEach
    void market() {
        desk.marks.set("BTCUSDT", "95000");
        desk.marks.set("ETHUSDT", "3000");
        desk.dayRanges.set("BTCUSDT", "93000", "96500");
        desk.dayRanges.set("ETHUSDT", "2900", "3100");
        desk.trading.start(ALICE, "Alice");
        desk.trading.start(BOB, "Bob");
    }

    @Test
    void aPracticePositionNearLiquidation_doesNotTopTheBoard_butIsCounted() {
        openPractice(ALICE, order("BTCUSDT", Side.LONG, "1", 20, MarginMode.ISOLATED, "97000"));
        practice.open(BOB, order("BTCUSDT", Side.LONG, "0.1", 10, MarginMode.ISOLATED, null), null);

        List<RiskBoard.Row> rows = board().rows(List.of(ALICE, BOB));

        assertThat(rows).extracting(r -> r.risk().memberId()).containsExactly(BOB, ALICE);
        RiskBoard.Row alice = rows.get(1);
        assertThat(alice.risk().level()).isEqualTo(RiskLevel.SAFE);
        assertThat(alice.closest()).isNull();
        assertThat(alice.openPositions()).isEqualTo(1);
        assertThat(alice.practice()).isEqualTo(1);
        // counted, the practice position (liquidation a few percent below the mark) would top the board
        RiskBoard.Row counted = RiskBoard.rowOf(ALICE, desk.trading.snapshot(ALICE));
        assertThat(counted.risk().level().isWorseThan(rows.get(0).risk().level())).isTrue();
    }

    @Test
    void aPracticeProfitInTheCrossPool_doesNotPropUpTheRealPositions() {
        practice.open(ALICE, order("BTCUSDT", Side.LONG, "0.5", 50, MarginMode.CROSS, null), null);
        openPractice(ALICE, order("ETHUSDT", Side.LONG, "10", 10, MarginMode.CROSS, "1000")); // +20,000 bought
        practice.open(BOB, order("BTCUSDT", Side.LONG, "0.5", 50, MarginMode.CROSS, null), null);

        List<RiskBoard.Row> rows = board().rows(List.of(ALICE, BOB));
        RiskBoard.Row alice = rows.stream().filter(r -> r.risk().memberId() == ALICE).findFirst().orElseThrow();
        RiskBoard.Row bob = rows.stream().filter(r -> r.risk().memberId() == BOB).findFirst().orElseThrow();

        // judged exactly like Bob, who holds the same real position and no practice one
        assertThat(alice.risk().level()).isEqualTo(bob.risk().level());
        assertThat(alice.risk().closestDistance()).isEqualByComparingTo(bob.risk().closestDistance());
        assertThat(alice.risk().crossRatio()).isEqualByComparingTo(bob.risk().crossRatio());
        assertThat(alice.practice()).isEqualTo(1);
        assertThat(alice.openPositions()).isEqualTo(2);
        assertThat(RiskBoard.rowOf(ALICE, desk.trading.snapshot(ALICE)).risk().crossRatio())
                .as("counted, the bought profit would lower the ratio").isLessThan(bob.risk().crossRatio());
    }

    private void openPractice(long userId, OpenOrder order) {
        PracticeTrading.PracticeReason reason = practice.practiceReason(order).orElseThrow();
        practice.open(userId, order, reason);
    }

    private RiskBoard board() {
        RiskBoard board = new RiskBoard();
        board.accounts = desk.accounts;
        board.trading = desk.trading;
        board.calculator = desk.calculator;
        board.volatilities = desk.volatilities;
        board.practice = desk.practiceMarks;
        return board;
    }
}
