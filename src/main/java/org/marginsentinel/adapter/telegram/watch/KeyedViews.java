package org.marginsentinel.adapter.telegram.watch;

import static org.marginsentinel.adapter.telegram.format.Html.bold;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.marginsentinel.adapter.telegram.format.Html;
import org.marginsentinel.adapter.telegram.i18n.Numbers;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.adapter.telegram.i18n.UserLanguages;
import org.marginsentinel.application.watch.KeyedAccount;
import org.marginsentinel.application.watch.KeyedWarnings;
import org.marginsentinel.domain.alert.RiskThresholds;
import org.marginsentinel.domain.insight.PoolDistance;
import org.marginsentinel.domain.margin.CrossAccountRisk;
import org.marginsentinel.domain.margin.PositionRisk;
import org.marginsentinel.domain.watch.keyed.ExchangePosition;
import org.marginsentinel.domain.watch.keyed.KeyedValuation;

/**
 * Keyed accounts in {@code /watch}, {@code /positions} and {@code /risk}: under their own heading, marked as the real
 * account watched with a read-only key, the exchange's figures next to the bot's. Shown only to their owner, in a
 * private chat. Never shows more of a key than its masked id.
 */
@ApplicationScoped
public class KeyedViews {

    @Inject
    KeyedWarnings warnings;

    @Inject
    Clock clock;

    @Inject
    UserLanguages languages;

    private Texts texts(KeyedAccount account) {
        return Texts.of(languages.of(account.userId()));
    }

    /** One line of {@code /watch}, and the cross pool's survivable move under it when there is a pool. */
    String listLine(KeyedAccount account, int number) {
        int positions = account.snapshot() == null ? 0 : account.snapshot().positions().size();
        String distance = warnings.valuation(account).flatMap(warnings::poolDistance)
                .map(d -> WatchedPoolText.distanceLine(texts(account), d)).orElse("");
        Texts texts = texts(account);
        return texts.get("watch.keyed.list", String.valueOf(number), Html.escape(account.exchange().displayName()),
                Html.code(account.maskedKeyId()), texts.numbers().count(positions), freshness(account, texts))
                + (distance.isEmpty() ? "" : "\n  " + distance);
    }

    /** The account's heading and positions, each with the exchange's liquidation price next to the bot's. */
    String accountPositions(KeyedAccount account, int number) {
        Texts texts = texts(account);
        Numbers n = texts.numbers();
        StringBuilder text = new StringBuilder(heading(account, number, texts)).append('\n');
        KeyedValuation valuation = warnings.valuation(account).orElse(null);
        if (valuation == null) {
            return text.append(account.snapshot() == null ? texts.get("watch.keyed.noAnswer")
                    : texts.get("watch.keyed.noFormula", account.exchange().displayName())).append('\n').toString();
        }
        text.append(ratioLine(valuation, texts)).append('\n');
        String distance = warnings.poolDistance(valuation)
                .map(d -> WatchedPoolText.distanceLine(texts(account), d)).orElse("");
        text.append(distance.isEmpty() ? "" : distance + '\n');
        for (KeyedValuation.Valued valued : valuation.positions()) {
            if (valued.risk() != null) {
                text.append(position(account, valued, texts)).append('\n');
            }
        }
        for (ExchangePosition skipped : valuation.notValued()) {
            text.append("• ").append(bold(Html.escape(skipped.symbol()) + " " + texts.side(skipped.side()))).append(' ')
                    .append(n.quantity(skipped.size())).append(" · ")
                    .append(texts.get("watch.keyed.notValued", account.exchange().displayName(),
                            skipped.exchangeLiquidation() == null ? texts.get("watch.liq.none")
                                    : n.price(skipped.exchangeLiquidation())))
                    .append(KeyedExplanationText.whyNotValued(valuation, skipped, texts)).append('\n');
        }
        return text.toString();
    }

    /** The account at a glance for {@code /risk}. */
    String riskSummary(KeyedAccount account, int number) {
        Texts texts = texts(account);
        StringBuilder text = new StringBuilder(heading(account, number, texts)).append('\n');
        KeyedValuation valuation = warnings.valuation(account).orElse(null);
        if (valuation == null) {
            return text.toString();
        }
        CrossAccountRisk pool = valuation.cross();
        if (pool != null) {
            // The level is the worse of the ratio's and the survivable joint move's, as for a paper pool.
            PoolDistance distance = warnings.poolDistance(valuation).orElse(null);
            text.append(WatchedPoolText.riskLine(texts(account), pool, distance, RiskThresholds.DEFAULTS))
                    .append('\n');
            String line = WatchedPoolText.distanceLine(texts(account), distance);
            text.append(line.isEmpty() ? "" : line + '\n');
        }
        text.append(ratioLine(valuation, texts)).append('\n');
        for (KeyedValuation.Valued valued : valuation.positions()) {
            ExchangePosition p = valued.reported();
            text.append("• ").append(Html.escape(p.symbol())).append(' ').append(texts.side(p.side())).append(' ')
                    .append(WatchedLevels.mode(p.mode(), texts));
            if (valued.risk() != null && valued.risk().position().isIsolated()) {
                text.append(" · ").append(WatchedLevels.distance(valued.risk(), texts)).append(" · ")
                        .append(WatchedLevels.name(
                                RiskThresholds.DEFAULTS.forDistance(valued.risk().distanceToLiquidation()), texts));
            }
            text.append(adl(p, texts)).append('\n');
        }
        return text.toString();
    }

    private String heading(KeyedAccount account, int number, Texts texts) {
        return texts.get("watch.keyed.heading", Html.escape(account.exchange().displayName()), String.valueOf(number),
                Html.escape(account.maskedKeyId()), freshness(account, texts));
    }

    private static String ratioLine(KeyedValuation valuation, Texts texts) {
        BigDecimal theirs = valuation.snapshot().exchangeMarginRatio();
        BigDecimal ours = valuation.ownMarginRatio();
        boolean differ = theirs != null && ours != null
                && theirs.subtract(ours).abs().compareTo(new BigDecimal("0.001")) > 0;
        return texts.get(differ ? "watch.keyed.ratioDiffers" : "watch.keyed.ratio",
                theirs == null ? "—" : texts.numbers().percent(theirs), ours == null ? "—" : texts.numbers().percent(ours));
    }

    private static String position(KeyedAccount account, KeyedValuation.Valued valued, Texts texts) {
        ExchangePosition p = valued.reported();
        PositionRisk risk = valued.risk();
        Numbers n = texts.numbers();
        String name = account.exchange().displayName();
        StringBuilder line = new StringBuilder("• ").append(bold(Html.escape(p.symbol()) + " " + texts.side(p.side())))
                .append(' ').append(n.quantity(p.size())).append(" · ").append(WatchedLevels.mode(p.mode(), texts))
                .append(' ')
                .append(p.leverage()).append("x · ").append(texts.get("watch.position.entry", n.price(p.entryPrice())))
                .append(" · ").append(texts.get("watch.position.markPnl", n.price(risk.markPrice()),
                        n.signedMoney(risk.unrealizedPnl())))
                .append(" · ").append(WatchedLevels.distance(risk, texts)).append(adl(p, texts));
        String exchange = name + " " + (valued.opinion().exchange() == null ? texts.get("watch.keyed.givesNone")
                : n.price(valued.opinion().exchange()));
        String own = valued.opinion().own() == null ? texts.get("watch.liq.none") : n.price(valued.opinion().own());
        line.append("\n  ").append(texts.get("watch.keyed.liq", exchange, own)).append(' ');
        if (valued.opinion().agrees()) {
            line.append(texts.get("watch.keyed.agree"));
        } else {
            line.append(valued.opinion().gap() == null ? texts.get("watch.keyed.differ")
                    : texts.get("watch.keyed.differBy", n.percent(valued.opinion().gap())))
                    .append(": ").append(KeyedExplanationText.of(valued.explanation(), texts));
        }
        return line.toString();
    }

    private static String adl(ExchangePosition p, Texts texts) {
        return p.adlRank() == null ? ""
                : " · " + texts.get("watch.keyed.adl", String.valueOf(p.adlRank()), String.valueOf(p.adlRankMax()));
    }

    String freshness(KeyedAccount account, Texts texts) {
        Instant now = clock.instant();
        if (account.isPaused()) {
            return texts.get("watch.fresh.paused", KeyedPauseText.of(account.pausedReason(), texts));
        }
        if (!account.availability().available()) {
            return texts.get("watch.fresh.unavailableSince",
                    WatchedPoolText.age(texts, Duration.between(account.availability().unavailableSince(), now)));
        }
        return account.lastSuccess() == null ? texts.get("watch.fresh.none")
                : texts.get("watch.fresh.age", WatchedPoolText.age(texts, Duration.between(account.lastSuccess(), now)));
    }
}
