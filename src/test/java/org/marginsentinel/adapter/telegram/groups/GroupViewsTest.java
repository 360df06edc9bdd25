package org.marginsentinel.adapter.telegram.groups;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marginsentinel.application.community.RiskBoard;
import org.marginsentinel.domain.alert.RiskLevel;
import org.marginsentinel.domain.community.MemberRisk;

class GroupViewsTest {

    @Test
    void nudge_oneMember_orSeveralInOneMessage() {
        assertThat(GroupViews.nudge(List.of(GroupViews.mention(5, "Dave"))))
                .startsWith("<a href=\"tg://user?id=5\">Dave</a>, I have a risk warning for you, but Telegram");
        assertThat(GroupViews.nudge(List.of(GroupViews.mention(5, "Dave"), GroupViews.mention(6, "Eve"),
                GroupViews.mention(7, "<Finn>"))))
                .startsWith("<a href=\"tg://user?id=5\">Dave</a>, <a href=\"tg://user?id=6\">Eve</a> and "
                        + "<a href=\"tg://user?id=7\">&lt;Finn&gt;</a>: I have risk warnings for you");
    }

    @Test
    void board_escapesAndShortensNames_countsWhoDoesNotFit() {
        List<RiskBoard.Row> rows = List.of(
                new RiskBoard.Row(new MemberRisk(1, RiskLevel.SAFE, null, null), null, 0, false),
                new RiskBoard.Row(new MemberRisk(2, RiskLevel.SAFE, null, null), null, 0, false));
        Map<Long, String> names = Map.of(1L, "<b>Mallory</b> the very long-named trader of doom", 2L, "Bob");

        String html = GroupViews.board(rows, names, 1, Instant.parse("2030-01-01T12:34:00Z"));

        assertThat(html).contains("updated 12:34 UTC")
                .contains("🟢 <b>&lt;b&gt;Mallory&lt;/b&gt; the very long-na…</b>: no open positions")
                .contains("…and 1 more, all less endangered.").doesNotContain("Bob");
    }

    @Test
    void legend_followsTheDefaultThresholds() {
        assertThat(GroupViews.legend()).contains("(≤2%, ≤5%, ≤10%)").contains("(≥85%, ≥70%, ≥50%; liquidation at 100%)");
    }
}
