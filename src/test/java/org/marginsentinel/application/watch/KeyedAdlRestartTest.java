package org.marginsentinel.application.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.PositionRisk;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.domain.watch.Availability;
import org.marginsentinel.domain.watch.SecondOpinion;
import org.marginsentinel.domain.watch.WatchedPortfolio;
import org.marginsentinel.domain.watch.keyed.ApiKey;
import org.marginsentinel.domain.watch.keyed.ExchangeAccountSnapshot;
import org.marginsentinel.domain.watch.keyed.ExchangePosition;
import org.marginsentinel.domain.watch.keyed.KeyedExchange;
import org.marginsentinel.domain.watch.keyed.KeyedValuation;
import org.marginsentinel.domain.watch.keyed.KeyedValuer;
import org.marginsentinel.testsupport.fakes.FakeVolatilities;

/**
 * A winning position high in the auto-deleveraging queue is told once, also across a restart (the memory of it is
 * in the database); once its rank drops it is forgotten, so a later high rank is told again.
 */
class KeyedAdlRestartTest {

    private static final Instant NOW = Instant.parse("2032-06-01T10:00:00Z");
    private static final String SUBJECT = "kx:1:ETHUSDT:SHORT:adl";

    private final InMemoryAdlWarnings database = new InMemoryAdlWarnings();
    private final List<KeyedNotice> told = new ArrayList<>();
    private KeyedWarnings warnings;

    @BeforeEach
    void start() {
        warnings = started();
    }

    /** A fresh process: every in-memory part new, the ADL memory loaded from the database as at start-up. */
    private KeyedWarnings started() {
        KeyedWarnings fresh = new KeyedWarnings();
        fresh.book = new KeyedBook();
        fresh.watchBook = new WatchBook();
        fresh.watchBook.keyed = fresh.book;
        fresh.notifier = told::add;
        fresh.adlWarnings = database;
        fresh.drains = new WatchDrains();
        fresh.volatilities = new FakeVolatilities();
        fresh.exchanges = ValuersOnly.of(new CrossOnlyValuer());
        fresh.book.adlWarned(database.all());
        return fresh;
    }

    @Test
    void toldOnce_evenAcrossARestart_andAgainAfterTheRankDropped() {
        warnings.evaluate(account(5), NOW);
        warnings.evaluate(account(5), NOW.plusSeconds(10));
        assertThat(adlNotices()).as("once while the rank stays high").isEqualTo(1);
        assertThat(database.rows).containsExactly(SUBJECT);

        warnings = started();
        warnings.evaluate(account(5), NOW.plusSeconds(20));
        assertThat(adlNotices()).as("not again after the restart").isEqualTo(1);

        warnings.evaluate(account(2), NOW.plusSeconds(30));
        assertThat(database.rows).as("the rank dropped: forgotten").isEmpty();
        warnings = started();
        warnings.evaluate(account(5), NOW.plusSeconds(40));
        assertThat(adlNotices()).as("high again: told again").isEqualTo(2);
    }

    private long adlNotices() {
        return told.stream().filter(KeyedNotice.AdlHigh.class::isInstance).count();
    }

    /** Account 1 of user 7: a winning ETH short (cross) at this ADL rank of 5. */
    private KeyedAccount account(int adlRank) {
        ExchangePosition eth = new ExchangePosition("ETHUSDT", Side.SHORT, new BigDecimal("2"), new BigDecimal("3000"),
                new BigDecimal("2500"), MarginMode.CROSS, 10, null, new BigDecimal("1000"), null, null, adlRank, 5);
        ExchangeAccountSnapshot snapshot = new ExchangeAccountSnapshot(NOW, new BigDecimal("5000"),
                new BigDecimal("6000"), null, null, null, List.of(eth));
        KeyedAccount account = new KeyedAccount(1, 7, KeyedExchange.BYBIT, "AbCd…0001", NOW, NOW, snapshot,
                Availability.OK, null, null, null);
        warnings.book.put(account, ApiKey.hmac(KeyedExchange.BYBIT, "AbCdEfGh0001", "s", null));
        return account;
    }

    /** Values every position as a cross position with its reported PnL and no pool (so no margin warnings). */
    private static final class CrossOnlyValuer implements KeyedValuer {

        @Override
        public KeyedExchange exchange() {
            return KeyedExchange.BYBIT;
        }

        @Override
        public KeyedValuation value(ExchangeAccountSnapshot snapshot) {
            List<KeyedValuation.Valued> valued = snapshot.positions().stream().map(p -> new KeyedValuation.Valued(p,
                    new PositionRisk(Position.cross(p.symbol(), p.symbol(), p.side(), p.size(), p.entryPrice(),
                            p.leverage()), p.markPrice(), null, p.unrealizedPnl(), null, null, null, null, null, null),
                    SecondOpinion.of(null, null), null)).toList();
            return new KeyedValuation(snapshot, null, valued, List.of(), null);
        }

        @Override
        public Optional<WatchedPortfolio> portfolio(ExchangeAccountSnapshot snapshot) {
            return Optional.empty();
        }
    }
}
