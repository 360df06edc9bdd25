package org.marginsentinel.application.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.marginsentinel.application.port.MarkPrices;
import org.marginsentinel.application.port.PaperAccount;
import org.marginsentinel.application.port.PaperAccountStore;
import org.marginsentinel.application.port.StoredPosition;
import org.marginsentinel.domain.margin.MarginCalculator;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.PricedPosition;

/**
 * Issue 18's check that the risk watch is not blind: a user's book in the in-memory {@link RiskIndex} holds exactly
 * what the account store (the database, or its in-memory fake) holds — wallet, every open position, and the cross
 * pool's margin balance as the screen computes it. Used by plain tests on a {@code WatchRig} and by the soak test
 * on the running application.
 */
public final class IndexAgreement {

    private IndexAgreement() {
    }

    /**
     * @param marks fresh marks of every cross symbol the user holds (the pool is valued at them on both sides)
     */
    public static void assertIndexEqualsStore(RiskMonitor monitor, PaperAccountStore store, MarkPrices marks,
            MarginCalculator calculator, long userId) {
        PaperAccount account = store.find(userId).orElseThrow();
        List<StoredPosition> open = store.openPositions(userId);
        RiskIndex index = monitor.index();
        UserBook book = index.book(userId);
        if (open.isEmpty()) {
            assertThat(book).as("user %d: no open positions, no book", userId).isNull();
            return;
        }
        assertThat(book).as("user %d's book", userId).isNotNull();
        assertThat(book.walletBalance()).as("user %d's wallet", userId).isEqualByComparingTo(account.walletBalance());
        assertThat(index.positionsOf(book).stream().map(p -> describe(p.id(), p.number(), p.position())))
                .as("user %d's positions", userId)
                .containsExactlyInAnyOrderElementsOf(open.stream()
                        .map(p -> describe(p.id(), p.number(), p.position())).toList());
        if (book.hasCross()) {
            List<PricedPosition> priced = new ArrayList<>();
            for (StoredPosition stored : open) {
                priced.add(new PricedPosition(stored.position(),
                        marks.latest(stored.position().symbol()).orElseThrow().price()));
            }
            BigDecimal exact = calculator.account(account.walletBalance(), priced).cross().marginBalance();
            double screened = index.crossMarginBalance(book.crossPool, index.markArray(marks.all()));
            assertThat(screened).as("user %d's cross margin balance", userId).isCloseTo(exact.doubleValue(), within(1e-6));
        }
    }

    private static String describe(long id, int number, Position p) {
        return id + " #" + number + " " + p.symbol() + " " + p.side() + " " + p.marginMode() + " "
                + p.quantity().stripTrailingZeros().toPlainString() + " @" + p.entryPrice().stripTrailingZeros()
                .toPlainString() + " " + p.leverage() + "x im="
                + (p.isolatedMargin() == null ? "-" : p.isolatedMargin().stripTrailingZeros().toPlainString());
    }
}
