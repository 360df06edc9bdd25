package org.marginsentinel.adapter.telegram.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.telegram.i18n.InMemoryUserLanguages;
import org.marginsentinel.adapter.telegram.i18n.Language;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.application.watch.WatchAdvice;
import org.marginsentinel.application.watch.WatchBook;
import org.marginsentinel.application.watch.WatchList;
import org.marginsentinel.application.watch.WatchNotice;
import org.marginsentinel.application.watch.Watched;
import org.marginsentinel.application.watch.WatchedAccount;
import org.marginsentinel.domain.alert.AlertDecision;
import org.marginsentinel.domain.alert.RiskLevel;
import org.marginsentinel.domain.insight.PoolDistance;
import org.marginsentinel.domain.margin.CrossAccountRisk;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.PositionRisk;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.domain.watch.Availability;
import org.marginsentinel.domain.watch.HyperliquidAddress;
import org.marginsentinel.domain.watch.SecondOpinion;
import org.marginsentinel.domain.watch.WatchedAccountState;
import org.marginsentinel.domain.watch.WatchedPosition;
import org.marginsentinel.domain.watch.WatchedValuation;

/** The watch list and a watched account's warning read in the watcher's language, numbers included. */
class WatchTextsLanguageTest {

    private static final Instant NOW = Instant.parse("2025-12-05T03:00:00Z");
    private static final HyperliquidAddress ADDRESS =
            HyperliquidAddress.parse("0x1234567890abcdef1234567890abcdef12345678").orElseThrow();
    private static final long ENGLISH = 1;
    private static final long RUSSIAN = 2;

    private final InMemoryUserLanguages languages = new InMemoryUserLanguages();

    @Test
    void theWatchListIsInTheWatchersLanguage() {
        languages.choose(RUSSIAN, Language.RU, NOW);
        WatchViews views = views(List.of(account(ENGLISH)), List.of(account(RUSSIAN)));

        assertThat(views.list(ENGLISH)).isEqualTo("<b>👁 Watched accounts</b>\n#1 <code>"
                + ADDRESS.shortForm() + "</code> · 0 position(s) · data 45 s old\nRemove one with /unwatch &lt;n&gt;.");
        assertThat(views.list(RUSSIAN)).isEqualTo("<b>👁 Отслеживаемые аккаунты</b>\n#1 <code>"
                + ADDRESS.shortForm() + "</code> · позиций: 0 · данные 45 с назад\nУбрать: /unwatch &lt;n&gt;.");
    }

    @Test
    void anEmptyWatchListSaysHowToAddOneInTheWatchersLanguage() {
        languages.choose(RUSSIAN, Language.RU, NOW);
        WatchViews views = views(List.of(), List.of());

        assertThat(views.list(ENGLISH)).startsWith("You watch no Hyperliquid accounts.");
        assertThat(views.list(RUSSIAN)).startsWith("Вы не следите ни за одним аккаунтом Hyperliquid.")
                .contains("/watch hl &lt;адрес&gt;");
    }

    @Test
    void aCrossPoolWarningIsWordedForItsRecipientWithLocalNumbers() {
        CrossAccountRisk pool = new CrossAccountRisk(new BigDecimal("10000"), BigDecimal.ZERO,
                new BigDecimal("10000"), new BigDecimal("850"), new BigDecimal("0.085"), new BigDecimal("2000"),
                new BigDecimal("8000"), new BigDecimal("8000"), Map.of());
        WatchNotice.PoolWarning warning = new WatchNotice.PoolWarning(RUSSIAN, ADDRESS, 1, pool, null,
                new AlertDecision(true, RiskLevel.DANGER, false, AlertDecision.Reason.ENTERED));

        String english = TelegramWatchNotifier.text(warning, Texts.of(Language.EN));
        String russian = TelegramWatchNotifier.text(warning, Texts.of(Language.RU));

        assertThat(english).isEqualTo("<b>🟠 DANGER · cross margin</b> · Hyperliquid #1 <code>" + ADDRESS.shortForm()
                + "</code> (real account, watched)\nMargin ratio 8.50% (liquidation at 100%) · margin balance "
                + "10,000.00 USDC");
        assertThat(russian).isEqualTo("<b>🟠 ОПАСНО · кросс-маржа</b> · Hyperliquid #1 <code>" + ADDRESS.shortForm()
                + "</code> (реальный аккаунт, наблюдение)\nКоэффициент маржи 8,50% (ликвидация при 100%) · "
                + "баланс маржи 10\u00a0000,00 USDC");
    }

    @Test
    void theOddsAndTheAdviceOfAWatchedWarningAreInTheRecipientsLanguage() {
        WatchAdvice.Advice advice = new WatchAdvice.Advice(new BigDecimal("0.125"), true, null);

        assertThat(WatchAdviceText.lines(advice, true, Texts.of(Language.EN))).isEqualTo("\n🎲 Odds of liquidation "
                + "within 24 h: <b>12.50%</b> (your odds alert)\n👉 Deposit or reduce cross positions on Hyperliquid: "
                + "the bot only watches.");
        assertThat(WatchAdviceText.lines(advice, true, Texts.of(Language.RU))).isEqualTo("\n🎲 Шанс ликвидации "
                + "за 24 ч: <b>12,50%</b> (ваш алерт по шансам)\n👉 Пополните счёт или сократите кросс-позиции на "
                + "Hyperliquid: бот только наблюдает.");
    }

    /** An isolated ETH long 8% from liquidation: at the default 10% warning distance, a WARNING. */
    @Test
    void aWatchedPositionsRiskLineNamesItsSideModeAndLevelInTheWatchersLanguage() {
        languages.choose(RUSSIAN, Language.RU, NOW);
        WatchedPosition eth = new WatchedPosition("ETH", Side.LONG, BigDecimal.ONE, new BigDecimal("3000"),
                MarginMode.ISOLATED, 5, new BigDecimal("2760"), new BigDecimal("600"), new BigDecimal("3000"),
                BigDecimal.ZERO, 25);
        PositionRisk risk = new PositionRisk(Position.isolated("1", "ETH", Side.LONG, BigDecimal.ONE,
                new BigDecimal("3000"), 5), new BigDecimal("3000"), new BigDecimal("3000"), BigDecimal.ZERO,
                new BigDecimal("600"), new BigDecimal("60"), null, new BigDecimal("2760"), new BigDecimal("0.08"), null);
        WatchViews views = views(List.of(account(ENGLISH)), List.of(account(RUSSIAN)));
        views.book = new WatchBook() {
            @Override
            public WatchedValuation valuation(WatchedAccount account) {
                return new WatchedValuation(account.state(), null, List.of(new WatchedValuation.Valued(eth, risk,
                        SecondOpinion.of(new BigDecimal("2760"), new BigDecimal("2760")))), List.of());
            }
        };

        assertThat(views.riskSection(ENGLISH)).contains("\n• ETH LONG isolated · 8.00% from liquidation · WARNING\n");
        assertThat(views.riskSection(RUSSIAN))
                .contains("\n• ETH ЛОНГ изолированная · 8,00% до ликвидации · ВНИМАНИЕ\n")
                .doesNotContain("LONG", "isolated", "WARNING");
    }

    private static WatchedAccount account(long userId) {
        WatchedAccountState state = new WatchedAccountState(NOW, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, List.of());
        return new WatchedAccount(userId, userId, ADDRESS, NOW.minusSeconds(3600), NOW.minusSeconds(45), state,
                Availability.OK);
    }

    private WatchViews views(List<Watched> englishAccounts, List<Watched> russianAccounts) {
        WatchViews views = new WatchViews();
        views.watchList = new WatchList() {
            @Override
            public List<Watched> entries(long userId) {
                return userId == ENGLISH ? englishAccounts : russianAccounts;
            }
        };
        views.book = new WatchBook() {
            @Override
            public WatchedValuation valuation(WatchedAccount account) {
                return new WatchedValuation(account.state(), null, List.of(), List.of());
            }
        };
        views.advice = new WatchAdvice() {
            @Override
            public Optional<PoolDistance> poolDistance(WatchedValuation valuation) {
                return Optional.empty();
            }
        };
        views.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        views.languages = languages;
        return views;
    }
}
