package org.marginsentinel.application.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.domain.margin.TierTable;
import org.marginsentinel.domain.watch.Availability;
import org.marginsentinel.domain.watch.keyed.ApiKey;
import org.marginsentinel.domain.watch.keyed.BybitValuer;
import org.marginsentinel.domain.watch.keyed.ExchangeAccountSnapshot;
import org.marginsentinel.domain.watch.keyed.ExchangePosition;
import org.marginsentinel.domain.watch.keyed.KeyedExchange;
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
        return new KeyedWarningsRig(book, new InMemoryAlertStore(), new MapDrainEpisodes(), told::add,
                BybitValuer.withEngineTiers(TierTable.shippedDefaults())).warnings;
    }
}
