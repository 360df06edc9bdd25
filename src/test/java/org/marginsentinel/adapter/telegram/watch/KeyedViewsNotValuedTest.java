package org.marginsentinel.adapter.telegram.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.telegram.i18n.InMemoryUserLanguages;
import org.marginsentinel.adapter.telegram.i18n.Language;
import org.marginsentinel.application.watch.KeyedAccount;
import org.marginsentinel.application.watch.KeyedWarnings;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.domain.margin.TierTable;
import org.marginsentinel.domain.watch.Availability;
import org.marginsentinel.domain.watch.keyed.ExchangeAccountSnapshot;
import org.marginsentinel.domain.watch.keyed.ExchangePosition;
import org.marginsentinel.domain.watch.keyed.KeyedExchange;
import org.marginsentinel.domain.watch.keyed.KeyedValuation;
import org.marginsentinel.domain.watch.keyed.KeyedValuer;
import org.marginsentinel.domain.watch.keyed.OkxValuer;

/** A keyed position the bot cannot recompute is shown once, with the exchange's figures and why, in /positions and /risk. */
class KeyedViewsNotValuedTest {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private static final long RUSSIAN = 7;

    private final InMemoryUserLanguages languages = new InMemoryUserLanguages();
    private final KeyedViews views = views();

    @Test
    void aPortfolioMarginAccount_isShownWithOkxsFigures_andWhyInTheReadersLanguage() {
        languages.choose(RUSSIAN, Language.RU, NOW);
        ExchangePosition btc = new ExchangePosition("BTC-USDT-SWAP", Side.LONG, new BigDecimal("0.5"),
                new BigDecimal("60000"), new BigDecimal("61000"), MarginMode.CROSS, 10, null, new BigDecimal("500"),
                new BigDecimal("41000"), new BigDecimal("122"), null, null);
        KeyedAccount account = new KeyedAccount(1, RUSSIAN, KeyedExchange.OKX, "AbCd…9xYz", NOW.minusSeconds(60),
                NOW, new ExchangeAccountSnapshot(NOW, null, new BigDecimal("9300"), null, null, null, List.of(btc),
                true), Availability.OK, null, null, null);

        String positions = views.accountPositions(account, 1);
        String risk = views.riskSummary(account, 1);

        assertThat(positions).containsOnlyOnce("BTC-USDT-SWAP").contains("не пересчитано")
                .contains("Этот счёт OKX на портфельной марже");
        assertThat(risk).contains("BTC-USDT-SWAP ЛОНГ");
    }

    private KeyedViews views() {
        KeyedValuer okx = OkxValuer.withEngineTiers(TierTable.shippedDefaults());
        KeyedViews views = new KeyedViews();
        views.warnings = new KeyedWarnings() {
            @Override
            public Optional<KeyedValuation> valuation(KeyedAccount account) {
                return Optional.of(okx.value(account.snapshot()));
            }
        };
        views.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        views.languages = languages;
        return views;
    }
}
