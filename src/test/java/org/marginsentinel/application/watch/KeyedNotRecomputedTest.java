package org.marginsentinel.application.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.marginsentinel.application.port.KeyedAccountReader;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.domain.margin.TierTable;
import org.marginsentinel.domain.watch.Availability;
import org.marginsentinel.domain.watch.keyed.ApiKey;
import org.marginsentinel.domain.watch.keyed.BybitValuer;
import org.marginsentinel.domain.watch.keyed.ExchangeAccountSnapshot;
import org.marginsentinel.domain.watch.keyed.ExchangePosition;
import org.marginsentinel.domain.watch.keyed.KeyedExchange;
import org.marginsentinel.domain.watch.keyed.KeyedValuer;
import org.marginsentinel.testsupport.fakes.FakeVolatilities;
import org.marginsentinel.testsupport.fakes.InMemoryAlertStore;

/**
 * A keyed position the bot cannot recompute (portfolio margin, a missing mark) has no risk of the bot's: the account is
 * still judged by the rest, and its ADL rank is still read from the exchange's own PnL.
 */
class KeyedNotRecomputedTest {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    private final List<KeyedNotice> told = new ArrayList<>();
    private final KeyedBook book = new KeyedBook();
    private final KeyedWarnings keyed = warnings();

    @Test
    void aPortfolioMarginAccount_isEvaluatedWithoutRecomputing_andAWinnerHighInTheAdlQueueIsStillWarned() {
        ExchangePosition winner = new ExchangePosition("BTCUSDT", Side.LONG, BigDecimal.ONE, new BigDecimal("60000"),
                new BigDecimal("61000"), MarginMode.CROSS, 10, null, new BigDecimal("1000"), new BigDecimal("41000"),
                new BigDecimal("300"), 5, 5);
        KeyedAccount account = account(new ExchangeAccountSnapshot(NOW, null, new BigDecimal("10000"), null, null,
                null, List.of(winner), true));

        assertThatCode(() -> keyed.evaluate(account, NOW)).doesNotThrowAnyException();

        assertThat(told).singleElement().isInstanceOf(KeyedNotice.AdlHigh.class);
    }

    @Test
    void aPositionWithoutAMark_isSkipped_whileAnIsolatedOneIsStillJudged() {
        ExchangePosition noMark = new ExchangePosition("BTCUSDT", Side.LONG, BigDecimal.ONE, new BigDecimal("60000"),
                null, MarginMode.CROSS, 10, null, null, new BigDecimal("41000"), null, null, null);
        // isolated SOL long 10 at 200, 200 margin, Bybit's maintenance 10: liquidation 200 − 190/10 = 181, mark 182
        ExchangePosition nearLiquidation = new ExchangePosition("SOLUSDT", Side.LONG, BigDecimal.TEN,
                new BigDecimal("200"), new BigDecimal("182"), MarginMode.ISOLATED, 10, new BigDecimal("200"),
                new BigDecimal("-180"), null, new BigDecimal("10"), null, null);
        KeyedAccount account = account(new ExchangeAccountSnapshot(NOW, null, new BigDecimal("10000"), null, null,
                null, List.of(noMark, nearLiquidation)));

        assertThatCode(() -> keyed.evaluate(account, NOW)).doesNotThrowAnyException();

        assertThat(told).singleElement().isInstanceOfSatisfying(KeyedNotice.PositionWarning.class,
                warning -> assertThat(warning.position().reported().symbol()).isEqualTo("SOLUSDT"));
    }

    private KeyedAccount account(ExchangeAccountSnapshot snapshot) {
        KeyedAccount account = new KeyedAccount(1, 7, KeyedExchange.BYBIT, "AbCd…9xYz", NOW.minusSeconds(60), NOW,
                snapshot, Availability.OK, null, null, null);
        book.put(account, ApiKey.hmac(KeyedExchange.BYBIT, "AbCdEfGh9xYz", "s", null));
        return account;
    }

    private KeyedWarnings warnings() {
        WatchBook watchBook = new WatchBook();
        watchBook.keyed = book;
        WatchWarnings warnings = new WatchWarnings();
        warnings.alerts = new InMemoryAlertStore();
        WatchDrains drains = new WatchDrains();
        drains.episodes = new MapDrainEpisodes();
        drains.load();
        KeyedWarnings keyed = new KeyedWarnings();
        keyed.book = book;
        keyed.watchBook = watchBook;
        keyed.warnings = warnings;
        keyed.notifier = told::add;
        keyed.drains = drains;
        keyed.volatilities = new FakeVolatilities();
        keyed.adlWarnings = new AdlWarnings() {
            @Override
            public Set<String> all() {
                return Set.of();
            }

            @Override
            public void told(long accountId, String subject) {
            }

            @Override
            public void cleared(String subject) {
            }
        };
        keyed.exchanges = new KeyedExchanges() {
            @Override
            public Optional<KeyedAccountReader> reader(KeyedExchange exchange) {
                return Optional.empty();
            }

            @Override
            public Optional<KeyedValuer> valuer(KeyedExchange exchange) {
                return Optional.of(BybitValuer.withEngineTiers(TierTable.shippedDefaults()));
            }
        };
        return keyed;
    }
}
