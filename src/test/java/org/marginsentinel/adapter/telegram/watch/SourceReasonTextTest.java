package org.marginsentinel.adapter.telegram.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marginsentinel.testsupport.RussianReasons.assertWordedInRussian;
import static org.marginsentinel.testsupport.RussianReplies.assertRussian;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.marginsentinel.adapter.telegram.i18n.Language;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.domain.watch.Availability;
import org.marginsentinel.domain.watch.HyperliquidAddress;
import org.marginsentinel.application.watch.KeyedAccount;
import org.marginsentinel.application.watch.KeyedNotice;
import org.marginsentinel.application.watch.KeyedWatchList;
import org.marginsentinel.application.watch.WatchNotice;
import org.marginsentinel.domain.watch.keyed.KeyedExchange;

/** An exchange's refusal or outage reason: status and code as given, the bot's explanation in the reader's words. */
class SourceReasonTextTest {

    private static final Texts EN = Texts.of(Language.EN);
    private static final Texts RU = Texts.of(Language.RU);
    private static final Instant NOW = Instant.parse("2026-12-05T06:00:00Z");

    /** Reasons as the keyed readers and the Hyperliquid adapter write them (and paused accounts keep them). */
    @ParameterizedTest
    @ValueSource(strings = {"HTTP 429 (rate limited)", "HTTP 401 (API key rejected)",
            "HTTP 401, code -2015 (API key rejected)",
            "HTTP 403 (Bybit refuses this IP: too many requests or a restricted region)",
            "HTTP 502 without a readable body", "OKX code 50111 (API key invalid)",
            "OKX code 50110 (request IP not in the key's IP whitelist)",
            "OKX code 50101 (API key made for another OKX environment (demo or live))",
            "OKX code 50102 (request timestamp expired: clocks differ)",
            "Bybit retCode 10003 (API key invalid or deleted)",
            "Bybit retCode 10006 (too many requests for this account)",
            "Bybit retCode 10002 (request time outside Bybit's receive window: clocks differ)",
            "HTTP 422 (Hyperliquid could not read the request)", "no answer in time", "paused after repeated failures",
            "unreachable (ConnectException)", "OKX unreachable (HttpTimeoutException)", "Bybit call interrupted",
            "request budget of this key used up", "no answer from Binance /fapi/v3/account (IOException)"})
    void english_staysAsItWas_russian_hasNoEnglishWordLeft(String reason) {
        assertThat(SourceReasonText.of(reason, EN)).isEqualTo(reason);
        assertWordedInRussian(SourceReasonText.of(reason, RU));
    }

    @Test
    void theStatusAndTheCode_stayAsGiven() {
        assertThat(SourceReasonText.of("HTTP 429 (rate limited)", RU)).isEqualTo("HTTP 429 (лимит запросов)");
        assertThat(SourceReasonText.of("OKX code 50111 (API key invalid)", RU))
                .isEqualTo("OKX код 50111 (API-ключ недействителен)");
        assertThat(SourceReasonText.of("Bybit retCode 10003 (API key invalid or deleted)", RU))
                .as("the longer phrase wins").isEqualTo("Bybit retCode 10003 (API-ключ недействителен или удалён)");
    }

    @Test
    void wordsTheExchangeWrote_areQuotedAsGiven() {
        assertThat(SourceReasonText.of("Bybit retCode 110001 (order not exists)", RU))
                .isEqualTo("Bybit retCode 110001 (order not exists)");
    }

    @Test
    void aReasonStoredInEnglish_readsInRussianOnThePausedLine() {
        assertThat(assertWordedInRussian(KeyedPauseText.of("HTTP 401 (API key rejected)", RU)))
                .isEqualTo("HTTP 401 (API-ключ отклонён)");
        assertThat(KeyedPauseText.of("OKX code 50110 (request IP not in the key's IP whitelist)", EN))
                .isEqualTo("OKX code 50110 (request IP not in the key's IP whitelist)");
    }

    @Test
    void theNotices_quoteTheReasonInTheReadersLanguage() {
        KeyedAccount okx = new KeyedAccount(3, 7, KeyedExchange.OKX, "AbCd…0003", NOW, NOW, null, Availability.OK,
                null, null, null);
        HyperliquidAddress address = HyperliquidAddress.parse("0x1234567890abcdef1234567890abcdef12345678")
                .orElseThrow();
        List<String> russian = List.of(
                TelegramKeyedNotifier.text(new KeyedNotice.KeyRejected(okx, 2, "OKX code 50111 (API key invalid)"), RU),
                TelegramKeyedNotifier.text(new KeyedNotice.Unavailable(okx, 2, Duration.ofMinutes(3),
                        "HTTP 429 (rate limited)"), RU),
                TelegramWatchNotifier.text(new WatchNotice.Unavailable(7, address, 1, Duration.ofMinutes(3),
                        "HTTP 429 (rate limited)"), RU));

        assertThat(russian.get(0)).contains("OKX код 50111 (API-ключ недействителен)");
        assertThat(russian.get(1)).contains("HTTP 429 (лимит запросов)");
        assertThat(russian.get(2)).contains("HTTP 429 (лимит запросов)");
        russian.forEach(notice -> assertRussian(notice));
        assertThat(TelegramKeyedNotifier.text(new KeyedNotice.KeyRejected(okx, 2, "OKX code 50111 (API key invalid)"),
                EN)).contains("(OKX code 50111 (API key invalid))");
    }

    @Test
    void aKeyRefusedWhenWatchingStarts_quotesTheReasonInTheReadersLanguage() {
        KeyedWatchList.Outcome.Refused refused = new KeyedWatchList.Outcome.Refused("watch.keyed.rejected.refused",
                List.of("Bybit", "Bybit retCode 10003 (API key invalid or deleted)"), null);

        assertThat(assertRussian(KeyedWatchFlow.refusalText(refused, RU)))
                .contains("(Bybit retCode 10003 (API-ключ недействителен или удалён))");
        assertThat(KeyedWatchFlow.refusalText(refused, EN)).isEqualTo("Bybit rejected the key (Bybit retCode 10003 "
                + "(API key invalid or deleted)). Check that you copied the API key exactly. Nothing was stored.");
    }
}
