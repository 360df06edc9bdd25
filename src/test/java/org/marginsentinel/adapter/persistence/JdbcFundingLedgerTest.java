package org.marginsentinel.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginsentinel.application.FundingBooking;
import org.marginsentinel.application.port.FundingDue;
import org.marginsentinel.application.port.FundingLedger;
import org.marginsentinel.application.port.PaperAccountStore;
import org.marginsentinel.application.port.StoredPosition;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.Side;

/**
 * Funding's memory in the real (H2) database: announcements survive until settled, the payment table refuses a
 * second payment of one position at one funding time, and a booking in the database moves margin, wallet and
 * ledger together and only once.
 */
@QuarkusTest
class JdbcFundingLedgerTest {

    private static final Instant T = Instant.parse("2031-05-06T08:00:00Z");

    @Inject
    FundingLedger ledger;

    @Inject
    PaperAccountStore store;

    @Inject
    FundingBooking booking;

    @Test
    void anAnnouncement_isDueAfterItsTime_untilSettled_andIsNeverRevivedAfter() {
        String symbol = "FUNDA" + (System.nanoTime() % 100_000) + "USDT";
        QuarkusTransaction.requiringNew().run(() -> {
            ledger.announce(symbol, T, new BigDecimal("0.0001"));
            ledger.announce(symbol, T, new BigDecimal("0.0003"));   // the rate moved before the funding time
        });

        assertThat(due(symbol, T.minusSeconds(1))).isEmpty();
        assertThat(due(symbol, T)).singleElement()
                .satisfies(d -> assertThat(d.rate()).isEqualByComparingTo("0.0003"));

        QuarkusTransaction.requiringNew().run(() -> {
            ledger.settled(symbol, T);
            ledger.announce(symbol, T, new BigDecimal("0.0009"));
        });
        assertThat(due(symbol, T.plusSeconds(60))).isEmpty();
    }

    @Test
    void settlingInTheDatabase_booksOncePerPositionAndFundingTime() {
        long user = 9_600_000 + System.nanoTime() % 100_000 * 10;
        String symbol = "FUNDB" + (System.nanoTime() % 100_000) + "USDT";
        StoredPosition position = QuarkusTransaction.requiringNew().call(() -> {
            store.create(user, "Funded", new BigDecimal("10000"), T.minus(Duration.ofHours(2)));
            store.insert(user, Position.isolated("", symbol, Side.LONG, new BigDecimal("0.2"),
                    new BigDecimal("50000"), 10), T.minus(Duration.ofHours(1)));
            return store.openPositions(user).get(0);
        });
        FundingDue due = new FundingDue(symbol, T, new BigDecimal("0.0001"));

        assertThat(QuarkusTransaction.requiringNew().call(() -> ledger.holders(symbol, T))).containsExactly(user);
        assertThat(QuarkusTransaction.requiringNew().call(() -> ledger.holders(symbol, T.minus(Duration.ofHours(2)))))
                .isEmpty();
        assertThat(booking.settle(user, due, new BigDecimal("50000"), T.plusSeconds(5))).hasSize(1);
        assertThat(booking.settle(user, due, new BigDecimal("50000"), T.plusSeconds(9))).isEmpty();

        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(store.find(user).orElseThrow().walletBalance()).isEqualByComparingTo("9999");
            assertThat(store.openPositions(user).get(0).position().isolatedMargin()).isEqualByComparingTo("999");
            assertThat(ledger.receivedByPosition(user)).hasEntrySatisfying(position.id(),
                    received -> assertThat(received).isEqualByComparingTo("-1"));
        });
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> ledger.recordPayment(user, position.id(),
                symbol, T, new BigDecimal("0.0001"), new BigDecimal("50000"), BigDecimal.ONE.negate())))
                .as("the primary key refuses a second payment").isInstanceOf(RuntimeException.class);
    }

    private List<FundingDue> due(String symbol, Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> ledger.due(now)).stream()
                .filter(d -> d.symbol().equals(symbol)).toList();
    }
}
