package org.marginsentinel.application.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marginsentinel.testsupport.fakes.PaperDesk.order;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marginsentinel.application.OpenOrder;
import org.marginsentinel.application.Portion;
import org.marginsentinel.application.PracticeTrading;
import org.marginsentinel.domain.community.Standing;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.testsupport.fakes.PaperDesk;

/**
 * Issue 11: "/long BTC 1 10x @10000 at a mark of 95,000 books +85,000 USDT and tops the group leaderboard". An entry
 * outside the last 24 hours' range (or with no range known) makes a practice position: allowed, marked, and left
 * out of the leaderboard.
 */
class PracticeEntriesTest {

    private static final long ALICE = 1;
    private static final long BOB = 2;

    private final PaperDesk desk = new PaperDesk();
    private final PracticeTrading practice = desk.practice;

    @BeforeEach
    void market() {
        desk.marks.set("BTCUSDT", "95000");
        desk.dayRanges.set("BTCUSDT", "93000", "96500");
        desk.trading.start(ALICE, "Alice");
        desk.trading.start(BOB, "Bob");
    }

    @Test
    void anEntryOutsideTheDayRange_isPractice_oneInsideIsNot_andWithoutARangeItIsPracticeAndSaysWhy() {
        assertThat(practice.practiceReason(order("BTCUSDT", Side.LONG, "1", 10, MarginMode.ISOLATED, "10000")))
                .hasValueSatisfying(reason -> {
                    assertThat(reason.entry()).isEqualByComparingTo("10000");
                    assertThat(reason.range().low()).isEqualByComparingTo("93000");
                    assertThat(reason.range().high()).isEqualByComparingTo("96500");
                });
        assertThat(practice.practiceReason(order("BTCUSDT", Side.LONG, "1", 10, MarginMode.ISOLATED, "94000"))).isEmpty();
        assertThat(practice.practiceReason(order("BTCUSDT", Side.LONG, "1", 10, MarginMode.ISOLATED, null))).isEmpty();
        assertThat(practice.practiceReason(order("ETHUSDT", Side.LONG, "1", 10, MarginMode.ISOLATED, "3000")))
                .hasValueSatisfying(reason -> assertThat(reason).extracting(PracticeTrading.PracticeReason::symbol,
                        PracticeTrading.PracticeReason::range).containsExactly("ETHUSDT", null));
    }

    @Test
    void aBoughtProfit_isLeftOutOfTheLeaderboard_anHonestOneIsRanked() {
        OpenOrder bought = order("BTCUSDT", Side.LONG, "1", 10, MarginMode.ISOLATED, "10000");
        PracticeTrading.Outcome outcome = practice.open(ALICE, bought, practice.practiceReason(bought).orElse(null));
        desk.trading.close(ALICE, "BTC", Portion.ALL);                               // +85,000 at the mark
        practice.open(BOB, order("BTCUSDT", Side.LONG, "0.1", 10, MarginMode.ISOLATED, null), null);
        desk.marks.set("BTCUSDT", "96000");
        desk.trading.close(BOB, "BTC", Portion.ALL);                                 // +100

        assertThat(outcome.practiceReason()).isNotNull();
        assertThat(practice.practiceIds(ALICE)).containsExactly(outcome.result().position().id());
        Leaderboards.Leaderboard board = leaderboards().rank(List.of(ALICE, BOB), Leaderboards.Period.ALL);
        assertThat(board.ranked()).extracting(Standing::memberId).containsExactly(BOB);
    }

    @Test
    void aMadeUpExitPrice_makesTheClosedPositionPractice_too() {
        practice.open(ALICE, order("BTCUSDT", Side.LONG, "1", 10, MarginMode.CROSS, null), null);
        OpenOrder exit = order("BTCUSDT", Side.SHORT, "1", 10, MarginMode.CROSS, "200000");
        practice.open(ALICE, exit, practice.practiceReason(exit).orElse(null));

        assertThat(practice.practiceIds(ALICE)).hasSize(1);
        assertThat(leaderboards().rank(List.of(ALICE), Leaderboards.Period.ALL).ranked()).isEmpty();
    }

    private Leaderboards leaderboards() {
        Leaderboards leaderboards = new Leaderboards();
        leaderboards.history = desk.store;
        leaderboards.accounts = desk.accounts;
        leaderboards.trading = desk.trading;
        leaderboards.clock = desk.clock;
        leaderboards.practice = desk.practiceMarks;
        return leaderboards;
    }
}
