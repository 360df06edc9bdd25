package org.marginsentinel.adapter.telegram.watch;

import static org.marginsentinel.adapter.telegram.format.Html.bold;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.marginsentinel.adapter.telegram.format.Html;
import org.marginsentinel.adapter.telegram.i18n.Numbers;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.adapter.telegram.i18n.UserLanguages;
import org.marginsentinel.application.watch.KeyedAccount;
import org.marginsentinel.application.watch.WatchAdvice;
import org.marginsentinel.application.watch.WatchBook;
import org.marginsentinel.application.watch.WatchList;
import org.marginsentinel.application.watch.Watched;
import org.marginsentinel.application.watch.WatchedAccount;
import org.marginsentinel.domain.alert.RiskThresholds;
import org.marginsentinel.domain.insight.PoolDistance;
import org.marginsentinel.domain.margin.CrossAccountRisk;
import org.marginsentinel.domain.margin.PositionRisk;
import org.marginsentinel.domain.watch.WatchedPosition;
import org.marginsentinel.domain.watch.WatchedValuation;

/**
 * Watched accounts in {@code /watch}, {@code /positions} and {@code /risk} (keyed ones through {@link KeyedViews}): always under their own
 * heading, marked as a real account watched read-only, never mixed with the paper account. Only ever shown to the
 * user who watches them (the callers show them in private chats only).
 */
@ApplicationScoped
public class WatchViews {

    @Inject
    WatchList watchList;

    @Inject
    WatchBook book;

    @Inject
    KeyedViews keyedViews;

    @Inject
    Clock clock;

    @Inject
    WatchAdvice advice;

    @Inject
    UserLanguages languages;

    /** {@code /watch} without arguments: every watched account, Hyperliquid and keyed, in one numbered list. */
    String list(long userId) {
        List<Watched> accounts = watchList.entries(userId);
        Texts texts = texts(userId);
        if (accounts.isEmpty()) {
            return texts.get("watch.list.empty");
        }
        StringBuilder text = new StringBuilder(bold(texts.get("watch.list.title"))).append('\n');
        for (int i = 0; i < accounts.size(); i++) {
            if (accounts.get(i) instanceof KeyedAccount keyed) {
                text.append(keyedViews.listLine(keyed, i + 1)).append('\n');
                continue;
            }
            WatchedAccount account = (WatchedAccount) accounts.get(i);
            text.append(texts.get("watch.list.hl", String.valueOf(i + 1), Html.code(account.address().shortForm()),
                    texts.numbers().count(account.state().positions().size()), freshness(account, texts))).append('\n');
            String distance = poolDistanceLine(userId, book.valuation(account));
            text.append(distance.isEmpty() ? "" : "  " + distance + '\n');
        }
        return text.append(texts.get("watch.list.remove")).toString();
    }

    /** The watched accounts' positions with the second opinion, or "" when the user watches none. */
    public String positionsSection(long userId) {
        List<Watched> accounts = watchList.entries(userId);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < accounts.size(); i++) {
            text.append(accounts.get(i) instanceof KeyedAccount keyed ? keyedViews.accountPositions(keyed, i + 1)
                    : accountPositions((WatchedAccount) accounts.get(i), i + 1)).append('\n');
        }
        return text.toString();
    }

    /** One account's heading and positions, each with the second opinion. */
    String accountPositions(WatchedAccount account, int number) {
        Texts texts = texts(account.userId());
        StringBuilder text = new StringBuilder(heading(account, number, texts)).append('\n');
        WatchedValuation valuation = book.valuation(account);
        for (WatchedValuation.Valued valued : valuation.positions()) {
            text.append(position(valued, texts)).append('\n');
        }
        String distance = poolDistanceLine(account.userId(), valuation);
        return text.append(distance.isEmpty() ? "" : distance + '\n').toString();
    }

    /** The number a just-added account will have once its transaction commits (it is not in memory yet). */
    int numberOfNew(long userId, Watched added) {
        return (int) watchList.entries(userId).stream().filter(w -> !w.createdAt().isAfter(added.createdAt())).count()
                + 1;
    }

    /** The watched accounts at a glance for {@code /risk}, or "" when the user watches none. */
    public String riskSection(long userId) {
        List<Watched> accounts = watchList.entries(userId);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < accounts.size(); i++) {
            if (accounts.get(i) instanceof KeyedAccount keyed) {
                text.append(keyedViews.riskSummary(keyed, i + 1)).append('\n');
                continue;
            }
            WatchedAccount account = (WatchedAccount) accounts.get(i);
            WatchedValuation valuation = book.valuation(account);
            Texts texts = texts(userId);
            text.append(heading(account, i + 1, texts)).append('\n');
            CrossAccountRisk pool = valuation.cross();
            if (pool != null) {
                // The level is the worse of the ratio's and the survivable joint move's, as for a paper pool.
                PoolDistance distance = advice.poolDistance(valuation).orElse(null);
                text.append(WatchedPoolText.riskLine(texts, pool, distance, RiskThresholds.DEFAULTS)).append('\n');
                String line = WatchedPoolText.distanceLine(texts, distance);
                text.append(line.isEmpty() ? "" : line + '\n');
            }
            for (WatchedValuation.Valued valued : valuation.positions()) {
                WatchedPosition p = valued.reported();
                text.append("• ").append(Html.escape(p.coin())).append(' ').append(texts.side(p.side())).append(' ')
                        .append(WatchedLevels.mode(p.mode(), texts));
                PositionRisk risk = valued.risk();
                if (risk != null && risk.position().isIsolated()) {
                    text.append(" · ").append(WatchedLevels.distance(risk, texts)).append(" · ")
                            .append(WatchedLevels.name(RiskThresholds.DEFAULTS.forDistance(risk.distanceToLiquidation()),
                                    texts));
                }
                text.append('\n');
            }
            text.append('\n');
        }
        return text.toString();
    }

    /** The account's cross pool's survivable move, in the user's language; "" without a pool. */
    private String poolDistanceLine(long userId, WatchedValuation valuation) {
        return advice.poolDistance(valuation).map(d -> WatchedPoolText.distanceLine(texts(userId), d)).orElse("");
    }

    private Texts texts(long userId) {
        return Texts.of(languages.of(userId));
    }

    private String heading(WatchedAccount account, int number, Texts texts) {
        return texts.get("watch.hl.heading", String.valueOf(number), Html.escape(account.address().shortForm()),
                freshness(account, texts));
    }

    private static String position(WatchedValuation.Valued valued, Texts texts) {
        WatchedPosition p = valued.reported();
        PositionRisk risk = valued.risk();
        Numbers n = texts.numbers();
        StringBuilder line = new StringBuilder("• ").append(bold(Html.escape(p.coin()) + " " + texts.side(p.side())))
                .append(' ').append(n.quantity(p.size())).append(" · ").append(WatchedLevels.mode(p.mode(), texts))
                .append(' ')
                .append(p.leverage()).append("x · ").append(texts.get("watch.position.entry", n.price(p.entryPrice())));
        if (risk != null) {
            line.append(" · ").append(texts.get("watch.position.markPnl", n.price(risk.markPrice()),
                    n.signedMoney(risk.unrealizedPnl()))).append(" · ").append(WatchedLevels.distance(risk, texts));
        } else {
            line.append(" · ").append(texts.get("watch.position.markPnl", n.price(p.reportedMark()),
                    n.signedMoney(p.unrealizedPnl())));
        }
        return line.append("\n  ").append(SecondOpinionText.of(p, valued.opinion(), texts)).toString();
    }

    /** "data 12 s old", or how long it has been unavailable, in the user's language. */
    String freshness(WatchedAccount account, Texts texts) {
        Instant now = clock.instant();
        if (!account.availability().available()) {
            return texts.get("watch.fresh.unavailable",
                    WatchedPoolText.age(texts, Duration.between(account.availability().unavailableSince(), now)),
                    WatchedPoolText.age(texts, Duration.between(account.lastSuccess(), now)));
        }
        return account.lastSuccess() == null ? texts.get("watch.fresh.none")
                : texts.get("watch.fresh.age", WatchedPoolText.age(texts, Duration.between(account.lastSuccess(), now)));
    }
}
