package org.marginsentinel.adapter.telegram.watch;

import static org.marginsentinel.adapter.telegram.format.Html.bold;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.marginsentinel.adapter.telegram.format.Fmt;
import org.marginsentinel.adapter.telegram.format.Html;
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
        return "#" + number + " " + Html.escape(account.exchange().displayName()) + " key "
                + Html.code(account.maskedKeyId()) + " · " + positions + " position(s) · " + freshness(account)
                + (distance.isEmpty() ? "" : "\n  " + distance);
    }

    /** The account's heading and positions, each with the exchange's liquidation price next to the bot's. */
    String accountPositions(KeyedAccount account, int number) {
        StringBuilder text = new StringBuilder(heading(account, number)).append('\n');
        KeyedValuation valuation = warnings.valuation(account).orElse(null);
        if (valuation == null) {
            return text.append(account.snapshot() == null ? "No answer yet.\n"
                    : "Shown as reported: the bot has no " + account.exchange().displayName() + " formula yet.\n")
                    .toString();
        }
        text.append(ratioLine(valuation)).append('\n');
        String distance = warnings.poolDistance(valuation)
                .map(d -> WatchedPoolText.distanceLine(texts(account), d)).orElse("");
        text.append(distance.isEmpty() ? "" : distance + '\n');
        for (KeyedValuation.Valued valued : valuation.positions()) {
            text.append(position(account, valued)).append('\n');
        }
        for (ExchangePosition skipped : valuation.notValued()) {
            text.append("• ").append(bold(Html.escape(skipped.symbol()) + " " + skipped.side().name())).append(' ')
                    .append(Fmt.quantity(skipped.size())).append(" · not recomputed (no margin figures); ")
                    .append(account.exchange().displayName()).append(" liq. ")
                    .append(skipped.exchangeLiquidation() == null ? "none" : Fmt.price(skipped.exchangeLiquidation()))
                    .append('\n');
        }
        return text.toString();
    }

    /** The account at a glance for {@code /risk}. */
    String riskSummary(KeyedAccount account, int number) {
        StringBuilder text = new StringBuilder(heading(account, number)).append('\n');
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
        text.append(ratioLine(valuation)).append('\n');
        for (KeyedValuation.Valued valued : valuation.positions()) {
            ExchangePosition p = valued.reported();
            text.append("• ").append(Html.escape(p.symbol())).append(' ').append(p.side().name()).append(' ')
                    .append(p.mode().label());
            if (valued.risk().position().isIsolated()) {
                text.append(" · ").append(WatchedLevels.distance(valued.risk())).append(" · ")
                        .append(RiskThresholds.DEFAULTS.forDistance(valued.risk().distanceToLiquidation()).name());
            }
            text.append(adl(p)).append('\n');
        }
        return text.toString();
    }

    private String heading(KeyedAccount account, int number) {
        return bold("👁 " + account.exchange().displayName() + " #" + number + " " + account.maskedKeyId())
                + " · real account, read-only key · " + freshness(account);
    }

    private static String ratioLine(KeyedValuation valuation) {
        BigDecimal theirs = valuation.snapshot().exchangeMarginRatio();
        BigDecimal ours = valuation.ownMarginRatio();
        return "Account margin ratio (maintenance / margin balance, liquidation at 100%): exchange "
                + (theirs == null ? "—" : Fmt.percent(theirs)) + " · bot " + (ours == null ? "—" : Fmt.percent(ours))
                + (theirs != null && ours != null && theirs.subtract(ours).abs().compareTo(new BigDecimal("0.001")) > 0
                ? " ⚠️ the exchange counts what the bot does not see (other margin assets, open orders) or values "
                + "maintenance with other brackets" : "");
    }

    private static String position(KeyedAccount account, KeyedValuation.Valued valued) {
        ExchangePosition p = valued.reported();
        PositionRisk risk = valued.risk();
        String name = account.exchange().displayName();
        StringBuilder line = new StringBuilder("• ").append(bold(Html.escape(p.symbol()) + " " + p.side().name()))
                .append(' ').append(Fmt.quantity(p.size())).append(" · ").append(p.mode().label()).append(' ')
                .append(p.leverage()).append("x · entry ").append(Fmt.price(p.entryPrice())).append(" · mark ")
                .append(Fmt.price(risk.markPrice())).append(" · PnL ").append(Fmt.signedMoney(risk.unrealizedPnl()))
                .append(" · ").append(WatchedLevels.distance(risk)).append(adl(p));
        String exchange = name + " " + (valued.opinion().exchange() == null ? "gives none"
                : Fmt.price(valued.opinion().exchange()));
        String own = valued.opinion().own() == null ? "none" : Fmt.price(valued.opinion().own());
        line.append("\n  Liq.: ").append(exchange).append(" · bot ").append(own);
        if (valued.opinion().agrees()) {
            line.append(" ✓ agree");
        } else {
            line.append(" ⚠️ differ").append(valued.opinion().gap() == null ? "" : " by "
                    + Fmt.percent(valued.opinion().gap())).append(": ").append(Html.escape(valued.explanation()));
        }
        return line.toString();
    }

    private static String adl(ExchangePosition p) {
        return p.adlRank() == null ? "" : " · ADL rank " + p.adlRank() + "/" + p.adlRankMax();
    }

    String freshness(KeyedAccount account) {
        Instant now = clock.instant();
        if (account.isPaused()) {
            return "⛔ paused: " + Html.escape(account.pausedReason());
        }
        if (!account.availability().available()) {
            return "⚠️ no data for " + WatchViews.age(Duration.between(account.availability().unavailableSince(), now));
        }
        return account.lastSuccess() == null ? "no data yet"
                : "data " + WatchViews.age(Duration.between(account.lastSuccess(), now)) + " old";
    }
}
