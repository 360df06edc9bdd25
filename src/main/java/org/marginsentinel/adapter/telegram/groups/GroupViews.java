package org.marginsentinel.adapter.telegram.groups;

import static org.marginsentinel.adapter.telegram.format.Html.bold;
import static org.marginsentinel.adapter.telegram.format.Html.escape;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.marginsentinel.adapter.telegram.format.Text;
import org.marginsentinel.adapter.telegram.format.Fmt;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.application.community.Leaderboards;
import org.marginsentinel.application.community.RiskBoard;
import org.marginsentinel.domain.alert.RiskLevel;
import org.marginsentinel.domain.alert.RiskThresholds;
import org.marginsentinel.domain.community.Standing;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.PositionRisk;

/** Renders the group board, the leaderboard and the group's short texts as Telegram HTML. Pure. */
public final class GroupViews {

    /** Names longer than this are cut, so a full board stays one message. */
    static final int MAX_NAME_CHARS = 32;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
    private static final String[] MEDALS = {"🥇", "🥈", "🥉"};

    private GroupViews() {
    }

    public static String intro(String botUsername) {
        String at = botUsername == null ? "" : "@" + botUsername;
        return "👋 " + bold("Hello! I'm Margin Sentinel.") + " I track paper futures positions and warn before a "
                + "liquidation. Everyone here keeps a personal paper account that only they can see and change.\n\n"
                + "• /start" + at + " opens yours; your warnings come to you privately.\n"
                + "• /share" + at + " on puts you on this group's /board" + at + " and /leaderboard" + at
                + " (off by default).\n"
                + "• Admins: /groupalerts" + at + " on posts members' critical warnings and liquidations here.\n"
                + "• New to margin? /learn" + at + " · Every command: /help" + at;
    }

    public static String answeredPrivately() {
        return "📬 Answered you in our private chat.";
    }

    /** One message for every member nudged in a batch; {@code mentions} are {@link #mention} links. */
    static String nudge(List<String> mentions) {
        String who = mentions.size() == 1 ? mentions.get(0)
                : String.join(", ", mentions.subList(0, mentions.size() - 1)) + " and " + mentions.get(mentions.size() - 1);
        return who + (mentions.size() == 1 ? ", I have a risk warning for you" : ": I have risk warnings for you")
                + ", but Telegram lets me write to you only after you open a chat with me. Tap the button once; "
                + "from then on your warnings come to you privately.";
    }

    // --- the board ------------------------------------------------------------------------------

    static String board(List<RiskBoard.Row> rows, Map<Long, String> names, int maxMembers, Instant now) {
        StringBuilder text = new StringBuilder(bold("📋 Risk board")).append(" · updated ")
                .append(CLOCK.format(now)).append(" UTC\n\n");
        if (rows.isEmpty()) {
            return text.append("No one here shares their risk yet. Send /share on to appear on this board.").toString();
        }
        boolean anyWithoutMark = false;
        for (RiskBoard.Row row : rows.subList(0, Math.min(rows.size(), maxMembers))) {
            text.append(icon(row.risk().level())).append(' ')
                    .append(bold(shortName(names.get(row.risk().memberId())))).append(": ")
                    .append(closest(row));
            if (row.practice() > 0) {
                text.append(" · 🎓 ").append(row.practice()).append(" practice, not ranked");
            }
            if (row.risk().crossRatio() != null) {
                text.append(" · cross ").append(Fmt.percent(row.risk().crossRatio()));
            }
            if (row.withoutMark()) {
                text.append(" *");
                anyWithoutMark = true;
            }
            text.append('\n');
        }
        if (rows.size() > maxMembers) {
            text.append("…and ").append(rows.size() - maxMembers).append(" more, all less endangered.\n");
        }
        text.append('\n').append(legend());
        if (anyWithoutMark) {
            text.append("\n* no fresh mark for a position: valued at its entry price.");
        }
        return text.toString();
    }

    private static String closest(RiskBoard.Row row) {
        PositionRisk closest = row.closest();
        int ranked = row.openPositions() - row.practice();
        if (ranked == 0) {
            return row.openPositions() == 0 ? "no open positions" : "no ranked positions";
        }
        if (closest == null) {
            return ranked == 1 ? "1 position, no liquidation price in reach"
                    : ranked + " positions, no liquidation price in reach";
        }
        Position position = closest.position();
        String distance = closest.liquidatedAtMark() ? "at liquidation"
                : Fmt.percent(closest.distanceToLiquidation()) + " to liq.";
        return escape(position.symbol()) + " " + position.side().name() + " " + position.leverage() + "x "
                + position.marginMode().label() + " · " + distance;
    }

    static String legend() {
        RiskThresholds t = RiskThresholds.DEFAULTS;
        return "<i>🔴 critical · 🟠 danger · 🟡 warning · 🟢 safe. Isolated positions by distance from mark to "
                + "liquidation (≤" + pct(t.isolatedCritical()) + ", ≤" + pct(t.isolatedDanger()) + ", ≤"
                + pct(t.isolatedWarning()) + "), the cross pool by margin ratio (≥" + pct(t.crossCritical()) + ", ≥"
                + pct(t.crossDanger()) + ", ≥" + pct(t.crossWarning()) + "; liquidation at 100%) or, if worse, by "
                + "the joint move of its marks it survives (same distances). Each line: the "
                + "member's position closest to liquidation, then their cross ratio. Only members who sent "
                + "/share on are listed.</i>";
    }

    // --- the leaderboard ------------------------------------------------------------------------

    static String leaderboard(Leaderboards.Leaderboard board, Map<Long, String> names, int maxMembers) {
        StringBuilder text = new StringBuilder(bold("🏆 Leaderboard · " + board.period().label())).append('\n')
                .append("<i>Risk-adjusted survival: fewest liquidations first, then score = return − max drawdown."
                        + "</i>\n\n");
        List<Standing> ranked = board.ranked();
        if (ranked.isEmpty()) {
            text.append("No results ").append(board.period().label()).append(" yet: members who /share on and trade "
                    + "appear here.");
        }
        for (int i = 0; i < Math.min(ranked.size(), maxMembers); i++) {
            Standing s = ranked.get(i);
            text.append(rank(i, s)).append(' ')
                    .append(bold(shortName(names.get(s.memberId())))).append(" · score ")
                    .append(bold(Fmt.signedPercent(s.score()))).append(" (return ")
                    .append(Fmt.signedPercent(s.returnFraction())).append(", max drawdown ")
                    .append(Fmt.percent(s.maxDrawdown())).append(')');
            if (!s.survived()) {
                text.append(" · 💀 ").append(s.liquidations()).append(s.liquidations() == 1 ? " liquidation"
                        : " liquidations");
            }
            text.append('\n');
        }
        if (ranked.size() > maxMembers) {
            text.append("…and ").append(ranked.size() - maxMembers).append(" more.\n");
        }
        if (board.idle() > 0) {
            text.append('\n').append(board.idle()).append(board.idle() == 1 ? " sharing member" : " sharing members")
                    .append(" without trades ").append(board.period().label()).append(board.idle() == 1 ? " is" : " are")
                    .append(" not ranked.");
        }
        return text.toString().strip();
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
                position.side().name(), String.valueOf(position.leverage()),
                t.numbers().percent(risk.distanceToLiquidation()), t.numbers().price(symbol, risk.liquidationPrice()));
    }

    static String criticalPool(String name, BigDecimal marginRatio, Texts t) {
        return t.get("notice.group.criticalPool", escape(memberName(name, t)), t.numbers().percent(marginRatio));
    }

    static String isolatedLiquidated(String name, String symbol, String side, BigDecimal marginLost, Texts t) {
        return t.get("notice.group.isolatedLiquidated", escape(memberName(name, t)), escape(symbol), escape(side),
                t.numbers().usdt(marginLost));
    }

    static String crossLiquidated(String name, List<String> closed, BigDecimal walletLost, Texts t) {
        return t.get("notice.group.crossLiquidated", escape(memberName(name, t)), escape(String.join(", ", closed)),
                t.numbers().usdt(walletLost));
    }

    /**
     * {@link #nudge(List)} in the nudged members' language: one message for every member nudged in a batch;
     * {@code mentions} are {@link #mention} links.
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
        return name == null || name.isBlank() ? t.get("notice.group.aMember") : shortName(name);
    }

    // --- helpers --------------------------------------------------------------------------------

    static String mention(long userId, String displayName) {
        return "<a href=\"tg://user?id=" + userId + "\">" + escape(shortName(displayName)) + "</a>";
    }

    static String shortName(String name) {
        if (name == null || name.isBlank()) {
            return "A member";
        }
        String stripped = name.strip();
        return Text.shorten(stripped, MAX_NAME_CHARS);
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

    private static String pct(BigDecimal fraction) {
        return fraction.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
