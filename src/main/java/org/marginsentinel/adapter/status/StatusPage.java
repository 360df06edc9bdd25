package org.marginsentinel.adapter.status;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Renders a {@link StatusReport} as one small HTML page (no scripts, no external files). Every value
 * that comes from outside this class (check details, log messages, symbols) goes through
 * {@link #escape}, so a log line with markup stays text.
 */
public final class StatusPage {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private StatusPage() {
    }

    public static String render(StatusReport report) {
        boolean allUp = report.checks().stream().allMatch(StatusReport.Check::up);
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"refresh\" content=\"30\">")
                .append("<title>Margin Sentinel status</title><style>")
                .append("body{font-family:sans-serif;margin:1.5em;max-width:70em}")
                .append("table{border-collapse:collapse;margin-bottom:1em}td,th{border:1px solid #ccc;padding:.2em .6em;")
                .append("text-align:left;vertical-align:top}.up{color:#070}.down{color:#b00;font-weight:bold}")
                .append("</style></head><body>\n");
        html.append("<h1>Margin Sentinel: ").append(allUp ? "<span class=\"up\">ready</span>"
                : "<span class=\"down\">not ready</span>").append("</h1>\n");
        html.append("<p>").append(escape(TIME.format(report.at())))
                .append(". Refreshes every 30 s. The same checks as JSON: <a href=\"/q/health/ready\">/q/health/ready</a>;")
                .append(" counters: <a href=\"/q/metrics\">/q/metrics</a>; the risk API: ")
                .append("<a href=\"/q/swagger-ui/\">/q/swagger-ui</a>.</p>\n");
        checks(html, report.checks());
        prices(html, report.prices());
        people(html, report.people());
        deliveries(html, report.deliveries());
        problems(html, report.problems());
        return html.append("</body></html>\n").toString();
    }

    private static void checks(StringBuilder html, List<StatusReport.Check> checks) {
        html.append("<h2>Readiness</h2>\n<table><tr><th>Part</th><th>State</th><th>Details</th></tr>\n");
        for (StatusReport.Check check : checks) {
            html.append("<tr><td>").append(escape(check.name())).append("</td><td>")
                    .append(check.up() ? "<span class=\"up\">UP</span>" : "<span class=\"down\">DOWN</span>")
                    .append("</td><td>").append(details(check.data())).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static String details(Map<String, Object> data) {
        return new TreeMap<>(data).entrySet().stream()
                .map(e -> escape(e.getKey()) + ": " + escape(String.valueOf(e.getValue())))
                .collect(Collectors.joining("<br>"));
    }

    private static void prices(StringBuilder html, StatusReport.Prices prices) {
        html.append("<h2>Price feed</h2>\n<p>A mark older than ").append(escape(age(prices.staleAfter())))
                .append(" is stale: no warning or liquidation acts on it.");
        prices.failingFor().ifPresent(failing -> html.append(" <span class=\"down\">No good mark from any exchange for ")
                .append(escape(age(failing))).append(".</span>"));
        html.append("</p>\n");
        if (prices.sources().isEmpty()) {
            html.append("<p>No mark price received yet.</p>\n");
        } else {
            html.append("<table><tr><th>Exchange</th><th>Symbols</th><th>Fresh</th><th>Newest mark</th></tr>\n");
            for (StatusReport.Source source : prices.sources()) {
                html.append("<tr><td>").append(escape(source.name())).append("</td><td>").append(source.symbols())
                        .append("</td><td>").append(source.fresh()).append("</td><td>")
                        .append(escape(age(source.newestAge()))).append(" ago</td></tr>\n");
            }
            html.append("</table>\n");
        }
        if (!prices.held().isEmpty()) {
            html.append("<table><tr><th>Held symbol</th><th>Mark</th><th>From</th><th>Age</th></tr>\n");
            for (StatusReport.HeldMark mark : prices.held()) {
                html.append("<tr><td>").append(escape(mark.symbol())).append("</td><td>")
                        .append(escape(mark.price().orElse("none"))).append("</td><td>")
                        .append(escape(mark.source().orElse(""))).append("</td><td>")
                        .append(mark.stale() ? "<span class=\"down\">" : "<span>")
                        .append(escape(mark.age().map(StatusPage::age).map(a -> a + " ago").orElse("never")))
                        .append(mark.stale() ? " (stale)" : "").append("</span></td></tr>\n");
            }
            html.append("</table>\n");
        }
    }

    private static void people(StringBuilder html, StatusReport.People people) {
        html.append("<h2>Users</h2>\n<table>")
                .append(row("Private chats the bot may write to", people.privateChats()))
                .append(row("Groups", people.groups()))
                .append(row("Users with open positions", people.usersWithPositions()))
                .append(row("Open positions watched", people.openPositions()))
                .append("</table>\n");
    }

    private static void deliveries(StringBuilder html, List<StatusReport.Delivery> deliveries) {
        html.append("<h2>Messages since start</h2>\n<table><tr><th>Kind</th><th>Queued</th><th>Sent</th></tr>\n");
        for (StatusReport.Delivery delivery : deliveries) {
            html.append("<tr><td>").append(escape(delivery.kind())).append("</td><td>").append(delivery.queued())
                    .append("</td><td>").append(delivery.sent()).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static void problems(StringBuilder html, List<RecentProblems.Problem> problems) {
        html.append("<h2>Last warnings and errors</h2>\n");
        if (problems.isEmpty()) {
            html.append("<p>None since start.</p>\n");
            return;
        }
        html.append("<table><tr><th>Time</th><th>Level</th><th>Where</th><th>Message</th></tr>\n");
        for (RecentProblems.Problem problem : problems) {
            html.append("<tr><td>").append(escape(TIME.format(problem.at()))).append("</td><td>")
                    .append(escape(problem.level())).append("</td><td>").append(escape(shortName(problem.logger())))
                    .append("</td><td>").append(escape(problem.message())).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static String row(String label, long value) {
        return "<tr><td>" + escape(label) + "</td><td>" + value + "</td></tr>";
    }

    private static String shortName(String logger) {
        return logger.substring(logger.lastIndexOf('.') + 1);
    }

    static String age(Duration age) {
        long seconds = Math.max(0, age.toSeconds());
        if (seconds < 120) {
            return seconds + " s";
        }
        if (seconds < 7200) {
            return seconds / 60 + " min";
        }
        return seconds / 3600 + " h";
    }

    /** HTML text and attribute escaping. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
