package org.marginsentinel.adapter.status;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.telegram.fake.FakeTelegramResource;
import org.marginsentinel.application.risk.RiskMonitor;
import org.marginsentinel.testsupport.Conversation;
import org.marginsentinel.testsupport.InjectConversation;

/**
 * GET /status on the running service: a trader opens a position, and the page shows the bot
 * polling, the exchange and the held symbol's mark, the position, the reply sent, and a logged
 * warning (escaped).
 */
@QuarkusTest
@WithTestResource(FakeTelegramResource.class)
class StatusPageE2ETest {

    @InjectConversation
    Conversation chat;

    @Inject
    RiskMonitor monitor;

    @BeforeEach
    void setUp() {
        chat.begin();
        chat.marks(Map.of("BTCUSDT", "80000", "ETHUSDT", "2600"));
    }

    @Test
    void statusPage_showsTheBotThePricesThePositionsAndTheLastWarnings() {
        long trader = chat.newTrader();
        chat.telegram().userSays(trader, "/long BTC 0.01 10x");
        chat.telegram().awaitReplyContaining(trader, "BTCUSDT");
        Logger.getLogger("org.marginsentinel.test.StatusProbe").warnf("probe <b>%s</b> & more", "bold?");

        Response page = given().when().get("/status");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        String html = page.body().asString();
        assertThat(html).contains("<td>Telegram</td><td><span class=\"up\">UP</span></td><td>")
                .contains("mode: polling")
                // UP or DOWN depends on what other test classes hold in this shared application; the row is there
                .containsPattern("<td>Price feed</td><td><span class=\"(up|down)\">(UP|DOWN)</span>")
                .containsPattern("<tr><td>binance</td><td>2</td><td>2</td><td>\\d+ s ago</td></tr>")
                .containsPattern("<td>BTCUSDT</td><td>80000</td><td>binance</td><td><span>\\d+ s ago</span>")
                .contains("<tr><td>Open positions watched</td><td>" + monitor.watchedPositions() + "</td></tr>")
                .containsPattern("<tr><td>reply</td><td>[1-9]\\d*</td><td>[1-9]\\d*</td></tr>")
                .contains("<td>StatusProbe</td><td>probe &lt;b&gt;bold?&lt;/b&gt; &amp; more</td>")
                .doesNotContain("<b>bold?</b>");
    }

    @Test
    void root_redirectsToTheStatusPage() {
        given().redirects().follow(false).when().get("/")
                .then().statusCode(303).header("Location", org.hamcrest.Matchers.endsWith("/status"));
    }

    @Test
    void swaggerUi_isServed() {
        given().when().get("/q/swagger-ui/").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("swagger-ui"));
    }
}
