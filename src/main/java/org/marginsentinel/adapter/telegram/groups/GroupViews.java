package org.marginsentinel.adapter.telegram.groups;

import static org.marginsentinel.adapter.telegram.format.Html.bold;
import static org.marginsentinel.adapter.telegram.format.Html.escape;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.marginsentinel.adapter.telegram.format.Text;
import org.marginsentinel.adapter.telegram.i18n.Numbers;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.adapter.telegram.views.ClosedPositionsText;
import org.marginsentinel.application.community.Leaderboards;
import org.marginsentinel.application.community.RiskBoard;
import org.marginsentinel.application.port.Notice;
import org.marginsentinel.domain.alert.RiskLevel;
import org.marginsentinel.domain.alert.RiskThresholds;
import org.marginsentinel.domain.community.Standing;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.PositionRisk;
import org.marginsentinel.domain.margin.Side;

/** Renders the group board, the leaderboard and the group's short texts as Telegram HTML. Pure. */
public final class GroupViews {

    /** Names longer than this are cut, so a full board stays one message. */
    static final int MAX_NAME_CHARS = 32;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
    private static final String[] MEDALS = {"🥇", "🥈", "🥉"};

    private GroupViews() {
    }

    public static String intro(String botUsername, Texts texts) {
        return texts.get("group.intro", botUsername == null ? "" : "@" + botUsername);
    }

    public static String answeredPrivately(Texts texts) {
        return texts.get("group.answeredPrivately");
    }

    // --- the board ------------------------------------------------------------------------------

    static String board(List<RiskBoard.Row> rows, Map<Long, String> names, int maxMembers, Instant now, Texts texts) {
        Numbers n = texts.numbers();
        StringBuilder text = new StringBuilder(texts.get("board.title", CLOCK.format(now))).append("\n\n");
        if (rows.isEmpty()) {
            return text.append(texts.get("board.nobody")).toString();
        }
        boolean anyWithoutMark = false;
        for (RiskBoard.Row row : rows.subList(0, Math.min(rows.size(), maxMembers))) {
            text.append(icon(row.risk().level())).append(' ')
                    .append(bold(shortName(names.get(row.risk().memberId()), texts))).append(": ")
                    .append(closest(row, texts));
            if (row.practice() > 0) {
                text.append(" · ").append(texts.get("board.practice", n.count(row.practice())));
            }
            if (row.risk().crossRatio() != null) {
                text.append(" · ").append(texts.get("board.cross", n.percent(row.risk().crossRatio())));
            }
            if (row.withoutMark()) {
                text.append(" *");
                anyWithoutMark = true;
            }
            text.append('\n');
        }
        if (rows.size() > maxMembers) {
            text.append(texts.get("board.more", n.count(rows.size() - maxMembers))).append('\n');
        }
        text.append('\n').append(legend(texts));
        if (anyWithoutMark) {
            text.append('\n').append(texts.get("board.noMark"));
        }
        return text.toString();
    }

    private static String closest(RiskBoard.Row row, Texts texts) {
        PositionRisk closest = row.closest();
        int ranked = row.openPositions() - row.practice();
        if (ranked == 0) {
            return texts.get(row.openPositions() == 0 ? "board.noPositions" : "board.noRanked");
        }
        if (closest == null) {
            return ranked == 1 ? texts.get("board.noLiquidation.one")
                    : texts.get("board.noLiquidation.many", texts.numbers().count(ranked));
        }
        Position position = closest.position();
        String distance = closest.liquidatedAtMark() ? texts.get("board.atLiquidation")
                : texts.get("board.toLiquidation", texts.numbers().percent(closest.distanceToLiquidation()));
        return texts.get("board.closest", escape(position.symbol()), texts.side(position.side()),
                String.valueOf(position.leverage()), texts.get("insights.mode." + position.marginMode().label()),
                distance);
    }

    static String legend(Texts texts) {
        RiskThresholds t = RiskThresholds.DEFAULTS;
        return texts.get("board.legend", pct(t.isolatedCritical(), texts), pct(t.isolatedDanger(), texts),
                pct(t.isolatedWarning(), texts), pct(t.crossCritical(), texts), pct(t.crossDanger(), texts),
                pct(t.crossWarning(), texts));
    }

    // --- the leaderboard ------------------------------------------------------------------------

    static String leaderboard(Leaderboards.Leaderboard board, Map<Long, String> names, int maxMembers, Texts texts) {
        Numbers n = texts.numbers();
        String period = period(board.period(), texts);
        StringBuilder text = new StringBuilder(texts.get("leaderboard.title", period)).append('\n')
                .append(texts.get("leaderboard.rule")).append("\n\n");
        List<Standing> ranked = board.ranked();
        if (ranked.isEmpty()) {
            text.append(texts.get("leaderboard.empty", period));
        }
        for (int i = 0; i < Math.min(ranked.size(), maxMembers); i++) {
            Standing s = ranked.get(i);
            text.append(texts.get("leaderboard.row", rank(i, s), escape(shortName(names.get(s.memberId()), texts)),
                    n.signedPercent(s.score()), n.signedPercent(s.returnFraction()), n.percent(s.maxDrawdown())));
            if (!s.survived()) {
                text.append(" · ").append(texts.get(s.liquidations() == 1 ? "leaderboard.liquidations.one"
                        : "leaderboard.liquidations.many", n.count(s.liquidations())));
            }
            text.append('\n');
        }
        if (ranked.size() > maxMembers) {
            text.append(texts.get("leaderboard.more", n.count(ranked.size() - maxMembers))).append('\n');
        }
        if (board.idle() > 0) {
            text.append('\n').append(texts.get(board.idle() == 1 ? "leaderboard.idle.one" : "leaderboard.idle.many",
                    n.count(board.idle()), period));
        }
        return text.toString().strip();
    }

    /** "this week", "за неделю". */
    static String period(Leaderboards.Period period, Texts texts) {
        return texts.get("leaderboard.period." + period.name().toLowerCase(Locale.ROOT));
    }

    /** A medal for the first three, but only for a positive score: a −80% result wins nothing. */
    private static String rank(int index, Standing standing) {
        return index < MEDALS.length && standing.score().signum() > 0 ? MEDALS[index] : (index + 1) + ".";
    }

    // --- group alerts (worded in the language of the member they are about) ---------------------

    static String criticalPosition(String name, PositionRisk risk, Texts t) {
        Position position = risk.position();
        String symbol = position.symbol();
        return t.get("notice.group.criticalPosition", escape(memberName(name, t)), escape(symbol),
                t.side(position.side()), String.valueOf(position.leverage()),
                t.numbers().percent(risk.distanceToLiquidation()), t.numbers().price(symbol, risk.liquidationPrice()));
    }

    static String criticalPool(String name, BigDecimal marginRatio, Texts t) {
        return t.get("notice.group.criticalPool", escape(memberName(name, t)), t.numbers().percent(marginRatio));
    }

    static String isolatedLiquidated(String name, String symbol, Side side, BigDecimal marginLost, Texts t) {
        return t.get("notice.group.isolatedLiquidated", escape(memberName(name, t)), escape(symbol), t.side(side),
                t.numbers().usdt(marginLost));
    }

    static String crossLiquidated(String name, List<Notice.CrossLiquidated.ClosedPosition> closed,
                                  BigDecimal walletLost, Texts t) {
        return t.get("notice.group.crossLiquidated", escape(memberName(name, t)), ClosedPositionsText.of(closed, t),
                t.numbers().usdt(walletLost));
    }

    /**
     * One message for every member nudged in a batch, in the nudged members' language; {@code mentions} are
     * {@link #mention} links.
     */
    static String nudge(List<String> mentions, Texts t) {
        if (mentions.size() == 1) {
            return t.get("notice.nudge.one", mentions.get(0));
        }
        String others = String.join(", ", mentions.subList(0, mentions.size() - 1));
        return t.get("notice.nudge.several", others, mentions.get(mentions.size() - 1));
    }

    /** The member's name as the board shows it; "A member" in the alert's language when they have none. */
    private static String memberName(String name, Texts t) {
        return name == null || name.isBlank() ? t.get("notice.group.aMember") : shortened(name);
    }

    // --- helpers --------------------------------------------------------------------------------

    /** A link that notifies the member, named as the board names them ("A member" in {@code texts} when nameless). */
    static String mention(long userId, String displayName, Texts texts) {
        return "<a href=\"tg://user?id=" + userId + "\">" + escape(shortName(displayName, texts)) + "</a>";
    }

    /** The member's name, cut to {@link #MAX_NAME_CHARS}; "A member" in the words of {@code texts} when they have none. */
    static String shortName(String name, Texts texts) {
        return name == null || name.isBlank() ? texts.get("group.aMember") : shortened(name);
    }

    private static String shortened(String name) {
        return Text.shorten(name.strip(), MAX_NAME_CHARS);
    }

    static String icon(RiskLevel level) {
        return switch (level) {
            case LIQUIDATED -> "⛔";
            case CRITICAL -> "🔴";
            case DANGER -> "🟠";
            case WARNING -> "🟡";
            case SAFE -> "🟢";
        };
    }

    /** A threshold as the legend writes it: "2%", "2.5%". */
    private static String pct(BigDecimal fraction, Texts texts) {
        return texts.numbers().quantity(fraction.movePointRight(2)) + "%";
    }
}
