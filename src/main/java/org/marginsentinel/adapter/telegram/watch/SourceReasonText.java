package org.marginsentinel.adapter.telegram.watch;

import java.util.Comparator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.marginsentinel.adapter.telegram.i18n.Texts;

/**
 * Why an exchange gave no data or refused a key, in the reader's language (plain text, not yet escaped): the adapters
 * word a reason in English ("HTTP 429 (rate limited)", "OKX code 50111 (API key invalid)") and paused accounts keep it
 * so in the database; here each explanation the bot itself writes is looked up in the watch bundle
 * ({@code watch.reason.*}), while the status, the exchange's code and any words the exchange wrote stay as given.
 * The English bundle holds the very phrases, so an English reader sees the reason unchanged.
 */
public final class SourceReasonText {

    /** Every explanation the keyed readers and the Hyperliquid adapter write, with its key under watch.reason. */
    private static final Map<String, String> PHRASES = Map.ofEntries(
            Map.entry("API key rejected", "apiKeyRejected"),
            Map.entry("rate limited", "rateLimited"),
            Map.entry("without a readable body", "noReadableBody"),
            Map.entry("Bybit refuses this IP: too many requests or a restricted region", "bybitRefusesIp"),
            Map.entry("API key frozen", "apiKeyFrozen"),
            Map.entry("API key made for another OKX environment (demo or live)", "apiKeyOtherEnvironment"),
            Map.entry("wrong passphrase", "wrongPassphrase"),
            Map.entry("request IP not in the key's IP whitelist", "ipNotWhitelisted"),
            Map.entry("API key invalid", "apiKeyInvalid"),
            Map.entry("API key invalid or deleted", "apiKeyInvalidOrDeleted"),
            Map.entry("signature rejected: wrong secret", "wrongSecret"),
            Map.entry("authorization invalid", "authorizationInvalid"),
            Map.entry("API key does not exist", "apiKeyMissing"),
            Map.entry("API key lacks the permission", "apiKeyLacksPermission"),
            Map.entry("permission denied for this key", "permissionDenied"),
            Map.entry("user authentication failed", "authenticationFailed"),
            Map.entry("IP banned for this key", "ipBanned"),
            Map.entry("API key expired", "apiKeyExpired"),
            Map.entry("too many requests", "tooManyRequests"),
            Map.entry("too many requests for this sub-account", "tooManyForSubAccount"),
            Map.entry("too many requests for this account", "tooManyForAccount"),
            Map.entry("too many requests from this IP", "tooManyFromIp"),
            Map.entry("request timestamp expired: clocks differ", "okxClocksDiffer"),
            Map.entry("request time outside Bybit's receive window: clocks differ", "bybitClocksDiffer"),
            Map.entry("Hyperliquid could not read the request", "hyperliquidUnreadable"),
            Map.entry("no answer in time", "noAnswerInTime"),
            Map.entry("paused after repeated failures", "pausedAfterFailures"),
            Map.entry("unreachable", "unreachable"),
            Map.entry("call interrupted", "callInterrupted"),
            Map.entry("interrupted while pacing requests", "interruptedPacing"),
            Map.entry("interrupted", "interrupted"),
            Map.entry("request budget of this key used up", "budgetUsedUp"),
            Map.entry("no answer from", "noAnswerFrom"),
            Map.entry("unreadable answer from", "unreadableAnswerFrom"),
            Map.entry("code", "code"));

    /** Whole phrases, the longest first ("API key invalid or deleted" before "API key invalid"). */
    private static final Pattern PHRASE = Pattern.compile("(?<![\\p{L}\\p{N}])("
            + PHRASES.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed())
            .map(Pattern::quote).collect(Collectors.joining("|"))
            + ")(?![\\p{L}\\p{N}])");

    private SourceReasonText() {
    }

    public static String of(String reason, Texts texts) {
        if (reason == null) {
            return "";
        }
        Matcher phrase = PHRASE.matcher(reason);
        StringBuilder worded = new StringBuilder();
        while (phrase.find()) {
            phrase.appendReplacement(worded,
                    Matcher.quoteReplacement(texts.get("watch.reason." + PHRASES.get(phrase.group(1)))));
        }
        return phrase.appendTail(worded).toString();
    }
}
