package org.marginsentinel.adapter.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The page says what is down and why, and every value stays text: nothing from outside becomes markup. */
class StatusPageTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    @Test
    void aDownBot_isShownWithItsReason_andThePageIsNotReady() {
        String html = StatusPage.render(report(List.of(
                new StatusReport.Check("Database connections health check", true, Map.of()),
                new StatusReport.Check("Telegram", false, Map.of("mode", "polling",
                        "reason", "could not start: unknown host api.telegram.org:443")))));

        assertThat(html).contains("Margin Sentinel: <span class=\"down\">not ready</span>")
                .contains("<td>Telegram</td><td><span class=\"down\">DOWN</span></td>"
                        + "<td>mode: polling<br>reason: could not start: unknown host api.telegram.org:443</td>");
    }

    @Test
    void everyOutsideValue_isEscaped() {
        String evil = "<script>alert('x')</script> & \"quoted\"";
        StatusReport report = new StatusReport(NOW,
                List.of(new StatusReport.Check(evil, true, Map.of(evil, evil))),
                new StatusReport.Prices(Duration.ofSeconds(15), Optional.empty(),
                        List.of(new StatusReport.Source(evil, 1, 1, Duration.ofSeconds(2))),
                        List.of(new StatusReport.HeldMark(evil, Optional.of(evil), Optional.of(evil),
                                Optional.of(Duration.ofSeconds(3)), false))),
                new StatusReport.People(1, 0, 1, 1),
                List.of(new StatusReport.Delivery(evil, 1, 1)),
                List.of(new RecentProblems.Problem(NOW, evil, "a.b." + evil, evil)));

        String html = StatusPage.render(report);

        assertThat(html).doesNotContain("<script>").doesNotContain("'x'")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;");
    }

    @Test
    void prices_showEachExchangesFreshness_andStaleHeldSymbols() {
        StatusReport report = new StatusReport(NOW, List.of(),
                new StatusReport.Prices(Duration.ofSeconds(15), Optional.of(Duration.ofMinutes(3)),
                        List.of(new StatusReport.Source("binance", 420, 0, Duration.ofSeconds(200))),
                        List.of(new StatusReport.HeldMark("BTCUSDT", Optional.of("80000.1"), Optional.of("binance"),
                                        Optional.of(Duration.ofSeconds(200)), true),
                                new StatusReport.HeldMark("NEWUSDT", Optional.empty(), Optional.empty(),
                                        Optional.empty(), true))),
                new StatusReport.People(2, 1, 1, 2), List.of(), List.of());

        String html = StatusPage.render(report);

        assertThat(html).contains("No good mark from any exchange for 3 min.")
                .contains("<tr><td>binance</td><td>420</td><td>0</td><td>3 min ago</td></tr>")
                .contains("<td>BTCUSDT</td><td>80000.1</td><td>binance</td><td><span class=\"down\">3 min ago (stale)")
                .contains("<td>NEWUSDT</td><td>none</td><td></td><td><span class=\"down\">never (stale)")
                .contains("<tr><td>Private chats the bot may write to</td><td>2</td></tr>")
                .contains("<tr><td>Open positions watched</td><td>2</td></tr>");
    }

    private static StatusReport report(List<StatusReport.Check> checks) {
        return new StatusReport(NOW, checks, new StatusReport.Prices(Duration.ofSeconds(15), Optional.empty(),
                List.of(), List.of()), new StatusReport.People(0, 0, 0, 0), List.of(), List.of());
    }
}
