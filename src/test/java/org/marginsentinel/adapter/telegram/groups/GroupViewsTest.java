package org.marginsentinel.adapter.telegram.groups;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.telegram.alerts.Notices;
import org.marginsentinel.adapter.telegram.i18n.Language;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.application.community.Leaderboards;
import org.marginsentinel.application.community.RiskBoard;
import org.marginsentinel.domain.alert.RiskLevel;
import org.marginsentinel.domain.community.MemberRisk;
import org.marginsentinel.domain.community.Standing;
import org.marginsentinel.domain.margin.PositionRisk;
import org.marginsentinel.domain.margin.Side;

class GroupViewsTest {

    private static final Texts EN = Texts.of(Language.EN);
    private static final Texts RU = Texts.of(Language.RU);

    @Test
    void nudge_oneMember_orSeveralInOneMessage() {
        assertThat(GroupViews.nudge(List.of(GroupViews.mention(5, "Dave", EN)), EN))
                .startsWith("<a href=\"tg://user?id=5\">Dave</a>, I have a risk warning for you, but Telegram");
        assertThat(GroupViews.nudge(List.of(GroupViews.mention(5, "Dave", EN), GroupViews.mention(6, "Eve", EN),
                GroupViews.mention(7, "<Finn>", EN)), EN))
                .startsWith("<a href=\"tg://user?id=5\">Dave</a>, <a href=\"tg://user?id=6\">Eve</a> and "
                        + "<a href=\"tg://user?id=7\">&lt;Finn&gt;</a>: I have risk warnings for you");
    }

    @Test
    void nudge_inTheMembersLanguage() {
        List<String> three = List.of(GroupViews.mention(5, "Dave", EN), GroupViews.mention(6, "Eve", EN),
                GroupViews.mention(7, "<Finn>", EN));
        assertThat(GroupViews.nudge(three, Texts.of(Language.RU))).startsWith("<a href=\"tg://user?id=5\">Dave</a>, "
                + "<a href=\"tg://user?id=6\">Eve</a> и <a href=\"tg://user?id=7\">&lt;Finn&gt;</a>: у меня для вас "
                + "предупреждения о риске");
        assertThat(GroupViews.mention(8, " ", RU)).isEqualTo("<a href=\"tg://user?id=8\">Участник</a>");
        assertThat(GroupViews.mention(8, null, EN)).isEqualTo("<a href=\"tg://user?id=8\">A member</a>");
    }

    @Test
    void board_escapesAndShortensNames_countsWhoDoesNotFit() {
        List<RiskBoard.Row> rows = List.of(
                new RiskBoard.Row(new MemberRisk(1, RiskLevel.SAFE, null, null), null, 0, false),
                new RiskBoard.Row(new MemberRisk(2, RiskLevel.SAFE, null, null), null, 0, false));
        Map<Long, String> names = Map.of(1L, "<b>Mallory</b> the very long-named trader of doom", 2L, "Bob");

        String html = GroupViews.board(rows, names, 1, Instant.parse("2030-01-01T12:34:00Z"), EN);

        assertThat(html).contains("updated 12:34 UTC")
                .contains("🟢 <b>&lt;b&gt;Mallory&lt;/b&gt; the very long-na…</b>: no open positions")
                .contains("…and 1 more, all less endangered.").doesNotContain("Bob");
    }

    @Test
    void board_countsPracticePositionsAsNotRanked() {
        List<RiskBoard.Row> rows = List.of(new RiskBoard.Row(new MemberRisk(1, RiskLevel.SAFE, null, null), null, 1,
                false, 1));

        String html = GroupViews.board(rows, Map.of(1L, "Ann"), 5, Instant.parse("2030-01-01T12:34:00Z"), EN);

        assertThat(html).contains("<b>Ann</b>: no ranked positions · 🎓 1 practice, not ranked");
    }

    @Test
    void board_nameShortenedInTheMiddleOfAnEmoji_keepsTheEmojiWhole() {
        // 30 letters, then a rocket whose two halves straddle the 31st/32nd char: the old cut kept half of it.
        String name = "a".repeat(30) + "🚀🚀 rest";
        List<RiskBoard.Row> rows = List.of(new RiskBoard.Row(new MemberRisk(1, RiskLevel.SAFE, null, null), null, 0,
                false));

        String html = GroupViews.board(rows, Map.of(1L, name), 5, Instant.parse("2030-01-01T12:34:00Z"), EN);

        assertThat(html).contains("<b>" + "a".repeat(30) + "…</b>");
        assertThat(html.codePoints().filter(cp -> cp >= 0xD800 && cp <= 0xDFFF).count()).as("lone surrogates").isZero();
    }

    @Test
    void leaderboard_medalsOnlyForPositiveScores() {
        Leaderboards.Leaderboard board = new Leaderboards.Leaderboard(Leaderboards.Period.WEEK, List.of(
                standing(1, "0.12"), standing(2, "-0.30"), standing(3, "-0.80"), standing(4, "-0.90")), 0);

        String html = GroupViews.leaderboard(board, Map.of(1L, "Ann", 2L, "Ben", 3L, "Cy", 4L, "Di"), 10, EN);

        assertThat(html).contains("🥇 <b>Ann</b> · score <b>+12.00%</b>")
                .contains("2. <b>Ben</b> · score <b>−30.00%</b>")
                .contains("3. <b>Cy</b> · score <b>−80.00%</b>")
                .contains("4. <b>Di</b>")
                .doesNotContain("🥈").doesNotContain("🥉");
    }

    private static Standing standing(long member, String score) {
        return new Standing(member, new BigDecimal(score), BigDecimal.ZERO, 0, new BigDecimal(score));
    }

    @Test
    void legend_followsTheDefaultThresholds() {
        assertThat(GroupViews.legend(EN)).contains("(≤2%, ≤5%, ≤10%)").contains("(≥85%, ≥70%, ≥50%; liquidation at 100%)");
    }

    @Test
    void board_inRussian_forTheMemberWhoAsked_withRussianNumbers() {
        List<RiskBoard.Row> rows = List.of(
                new RiskBoard.Row(new MemberRisk(1, RiskLevel.DANGER, null, new BigDecimal("0.7512")), null, 0, false),
                new RiskBoard.Row(new MemberRisk(2, RiskLevel.SAFE, null, null), null, 0, false));
        Map<Long, String> names = new java.util.HashMap<>(Map.of(1L, "Анна"));
        names.put(2L, " ");

        String html = GroupViews.board(rows, names, 1, Instant.parse("2030-01-01T12:34:00Z"), RU);

        assertThat(html).startsWith("<b>📋 Доска рисков</b> · обновлено 12:34 UTC\n\n")
                .contains("🟠 <b>Анна</b>: нет открытых позиций · кросс 75,12%")
                .contains("…и ещё 1, у них риск ниже.")
                .contains("(≤2%, ≤5%, ≤10%)").contains("(≥85%, ≥70%, ≥50%; ликвидация при 100%)")
                .doesNotContain("updated", "Risk board");
        assertThat(GroupViews.board(rows.subList(1, 2), names, 5, Instant.parse("2030-01-01T12:34:00Z"), RU))
                .contains("🟢 <b>Участник</b>: нет открытых позиций");
    }

    @Test
    void theBoardAndTheGroupAlerts_nameTheSideInTheReadersWords() {
        PositionRisk btcLong = Notices.btcLong();
        List<RiskBoard.Row> rows = List.of(new RiskBoard.Row(new MemberRisk(1, RiskLevel.CRITICAL, btcLong.distanceToLiquidation(), null),
                btcLong, 1, false));
        Instant now = Instant.parse("2030-01-01T12:34:00Z");

        assertThat(GroupViews.board(rows, Map.of(1L, "Ann"), 5, now, EN)).contains("<b>Ann</b>: BTCUSDT LONG 20x");
        assertThat(GroupViews.board(rows, Map.of(1L, "Анна"), 5, now, RU)).contains("<b>Анна</b>: BTCUSDT ЛОНГ 20x")
                .doesNotContain("LONG");
        assertThat(GroupViews.criticalPosition("Ann", btcLong, EN)).contains("BTCUSDT LONG 20x isolated");
        assertThat(GroupViews.criticalPosition("Анна", btcLong, RU)).contains("BTCUSDT ЛОНГ 20x изолированная")
                .doesNotContain("LONG");
        assertThat(GroupViews.isolatedLiquidated("Ann", "ETHUSDT", Side.SHORT, new BigDecimal("150"), EN))
                .isEqualTo("⛔ <b>Ann</b> was liquidated: ETHUSDT SHORT isolated, 150.00 USDT of margin lost.");
        assertThat(GroupViews.isolatedLiquidated("Анна", "ETHUSDT", Side.SHORT, new BigDecimal("150"), RU))
                .isEqualTo("⛔ <b>Анна</b> — ликвидация: ETHUSDT ШОРТ изолированная, потеряно 150,00 USDT маржи.");
    }

    @Test
    void leaderboard_inRussian_withRussianNumbersAndPeriod() {
        Leaderboards.Leaderboard board = new Leaderboards.Leaderboard(Leaderboards.Period.MONTH, List.of(
                standing(1, "0.1234"), new Standing(2, new BigDecimal("-0.5"), new BigDecimal("0.6"), 2,
                        new BigDecimal("-1.1"))), 1);

        String html = GroupViews.leaderboard(board, Map.of(1L, "Ann", 2L, "Ben"), 10, RU);

        assertThat(html).startsWith("<b>🏆 Рейтинг · за месяц</b>")
                .contains("🥇 <b>Ann</b> · счёт <b>+12,34%</b> (доходность +12,34%, макс. просадка 0,00%)")
                .contains("2. <b>Ben</b> · счёт <b>−110,00%</b> (доходность −50,00%, макс. просадка 60,00%) · 💀 ликвидаций: 2")
                .endsWith("Участников без сделок за месяц, не попавших в рейтинг: 1.");
        assertThat(GroupViews.leaderboard(board, Map.of(1L, "Ann", 2L, "Ben"), 10, EN))
                .startsWith("<b>🏆 Leaderboard · this month</b>")
                .contains("· 💀 2 liquidations")
                .endsWith("1 sharing member without trades this month is not ranked.");
    }

    @Test
    void intro_inRussian_mentionsTheBotInEveryCommand() {
        assertThat(GroupViews.intro("sentinel_bot", RU)).startsWith("👋 <b>Привет! Я Margin Sentinel.</b>")
                .contains("• /start@sentinel_bot откроет ваш").contains("/help@sentinel_bot");
        assertThat(GroupViews.intro(null, EN)).startsWith("👋 <b>Hello! I'm Margin Sentinel.</b> I track paper")
                .contains("• /share on puts you on this group's /board and /leaderboard (off by default).");
    }
}
