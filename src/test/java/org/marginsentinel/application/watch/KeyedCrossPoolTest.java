package org.marginsentinel.application.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginsentinel.domain.alert.RiskLevel;
import org.marginsentinel.domain.margin.MarginCalculator;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.domain.margin.TierTable;
import org.marginsentinel.domain.watch.Availability;
import org.marginsentinel.domain.watch.keyed.ApiKey;
import org.marginsentinel.domain.watch.keyed.BinanceValuer;
import org.marginsentinel.domain.watch.keyed.ExchangeAccountSnapshot;
import org.marginsentinel.domain.watch.keyed.ExchangePosition;
import org.marginsentinel.domain.watch.keyed.KeyedExchange;
import org.marginsentinel.testsupport.fakes.InMemoryAlertStore;

/**
 * Issues 12 and 13 for a keyed (Binance) cross account: warned by its survivable joint move although its margin ratio
 * looks harmless; a drain warned once, measured past a deposit (cash is not the market), and not again after a
 * restart.
 */
class KeyedCrossPoolTest {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private static final TierTable TIERS = TierTable.shippedDefaults();

    private final InMemoryAlertStore alerts = new InMemoryAlertStore();
    private final MapDrainEpisodes drainEpisodes = new MapDrainEpisodes();
    private final List<KeyedNotice> told = new ArrayList<>();
    private KeyedRecorder recorder;

    @Test
    void aHighLeverageCrossPool_isWarnedByItsSurvivableMove() {
        // BTC long 1 at 95,000, cross 20x, on 4,750 USDT: a 9% ratio (SAFE), a 4.58% joint move (DANGER).
        restart();
        recorder.answered(1, snapshot("4750", "1", "95000"), NOW);

        KeyedNotice.PoolWarning warning = (KeyedNotice.PoolWarning) told.stream()
                .filter(KeyedNotice.PoolWarning.class::isInstance).findFirst().orElseThrow();
        assertThat(warning.decision().level()).isEqualTo(RiskLevel.DANGER);
        assertThat(warning.distance().move()).isBetween(new BigDecimal("0.0457"), new BigDecimal("0.0458"));
    }

    @Test
    void aDrainingCrossPool_isWarnedOnce_pastADeposit_andNotAgainAfterARestart() {
        // BTC long 0.1 at 95,000 on 10,000 USDT; BTC falls 1,000 a minute (the balance 100 a minute), and 3,000 USDT
        // are deposited at minute 10. The deposit shifts the remembered balances: the 20% drop is 2,600 of the
        // shifted 13,000 high, reached at minute 26 (taken as a market gain, it would wait until minute 34).
        restart();
        recorder.answered(1, snapshot("10000", "0.1", "95000"), NOW);
        told.clear();
        int warnedAt = -1;
        for (int minute = 1; minute <= 30; minute++) {
            String wallet = minute >= 10 ? "13000" : "10000";
            recorder.answered(1, snapshot(wallet, "0.1", String.valueOf(95_000 - 1_000 * minute)),
                    NOW.plus(Duration.ofMinutes(minute)));
            for (KeyedNotice notice : told) {
                if (notice instanceof KeyedNotice.DrainWarning) {
                    assertThat(warnedAt).as("warned once").isEqualTo(-1);
                    warnedAt = minute;
                }
            }
            told.clear();
        }
        assertThat(warnedAt).isEqualTo(26);
        assertThat(drainEpisodes.rows).containsKey("kx:1:drain");

        // The restart reloads the account with its last answer, as the store keeps it. BTC falls on to 40,000: 24%
        // under the balance first seen after the restart, so a restart that forgot the episode would warn again.
        restart(snapshot("13000", "0.1", String.valueOf(95_000 - 1_000 * 30)));
        for (int minute = 31; minute <= 55; minute++) {
            recorder.answered(1, snapshot("13000", "0.1", String.valueOf(95_000 - 1_000 * minute)),
                    NOW.plus(Duration.ofMinutes(minute)));
        }
        assertThat(told).noneMatch(KeyedNotice.DrainWarning.class::isInstance);
    }

    /** A Binance account: one cross BTC long marked at {@code mark}, the wallet as given. */
    private static ExchangeAccountSnapshot snapshot(String wallet, String size, String mark) {
        BigDecimal pnl = new BigDecimal(size).multiply(new BigDecimal(mark).subtract(new BigDecimal("95000")));
        ExchangePosition btc = new ExchangePosition("BTCUSDT", Side.LONG, new BigDecimal(size), new BigDecimal("95000"),
                new BigDecimal(mark), MarginMode.CROSS, 20, null, pnl, null, null, null, null);
        return new ExchangeAccountSnapshot(NOW, new BigDecimal(wallet), new BigDecimal(wallet).add(pnl), null, null,
                null, List.of(btc));
    }

    private void restart() {
        restart(null);
    }

    /** A new process: every in-memory part afresh, the account with {@code lastAnswer}; alert states and episodes survive. */
    private void restart(ExchangeAccountSnapshot lastAnswer) {
        KeyedBook book = new KeyedBook();
        KeyedWarningsRig rig = new KeyedWarningsRig(book, alerts, drainEpisodes, told::add,
                new BinanceValuer(new MarginCalculator(TIERS), TIERS));
        recorder = new KeyedRecorder();
        recorder.book = book;
        recorder.watchBook = rig.watchBook;
        recorder.warnings = rig.warnings;
        recorder.notifier = told::add;
        recorder.settings = KeyedSettings.DEFAULTS;
        recorder.drains = rig.drains;
        recorder.store = new RecordingKeyedStore();
        book.put(new KeyedAccount(1, 7, KeyedExchange.BINANCE, "AbCd…9xYz", NOW.minusSeconds(60), null, lastAnswer,
                Availability.OK, null, null, null), ApiKey.hmac(KeyedExchange.BINANCE, "AbCdEfGh9xYz", "s", null));
    }
}
