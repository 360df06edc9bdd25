package org.marginsentinel.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginsentinel.adapter.prices.fake.PriceApiFake;
import org.marginsentinel.adapter.telegram.fake.Eventually;
import org.marginsentinel.adapter.telegram.fake.FakeTelegram;

/**
 * The packaged application in production mode, as a newcomer or an operator meets it: Swagger UI and
 * the status page are served, start-up logs no Flyway version warning, and a SIGTERM while the bot
 * works stops it without a single stack trace, even with an H2 URL that lacks DB_CLOSE_ON_EXIT=FALSE.
 */
class ProductionJarIT {

    private static final Pattern LISTENING = Pattern.compile("Listening on: (http://[^\\s]+)");

    @TempDir
    Path dataDir;

    private FakeTelegram telegram;
    private PriceApiFake prices;
    private AppProcess app;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void cleanUp() throws InterruptedException {
        if (app != null && app.isAlive()) {
            app.kill();
        }
        if (telegram != null) {
            telegram.close();
        }
        if (prices != null) {
            prices.stop();
        }
    }

    @Test
    void productionJar_servesSwaggerUiAndStatus_andStopsWithoutStackTraces() throws Exception {
        telegram = FakeTelegram.start();
        prices = PriceApiFake.start();
        prices.servesBinanceMarks(Map.of("BTCUSDT", "80000"));
        Map<String, String> settings = new HashMap<>(prices.configProperties());
        settings.put("quarkus.http.port", "0");
        settings.put("quarkus.http.host", "127.0.0.1");
        // The URL the README's Deploying section used to show, without DB_CLOSE_ON_EXIT=FALSE.
        settings.put("quarkus.datasource.jdbc.url", "jdbc:h2:file:./data/sentinel");
        settings.put("sentinel.telegram.token", FakeTelegram.TOKEN);
        settings.put("sentinel.telegram.api-url", telegram.baseUrl());
        settings.put("sentinel.prices.poll-interval", "1s");
        app = AppProcess.start(dataDir, settings, "prod");
        String base = awaitListening();

        HttpResponse<String> swagger = get(base + "/q/swagger-ui/");
        assertThat(swagger.statusCode()).as("Swagger UI in production mode").isEqualTo(200);
        assertThat(swagger.body()).contains("swagger-ui");

        long user = telegram.newUser();
        telegram.userSays(user, "/start");
        telegram.awaitReplyContaining(user, "Welcome");
        Eventually.until("the status page shows the bot polling", Duration.ofSeconds(30),
                () -> send(base + "/status").body().contains("mode: polling"));
        HttpResponse<String> status = get(base + "/status");
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body()).contains("<td>Telegram</td><td><span class=\"up\">UP</span>")
                .contains("<tr><td>Open positions watched</td><td>0</td></tr>");

        telegram.userSays(user, "/balance"); // the bot is busy when the stop comes
        app.stop();

        List<String> log = Files.readAllLines(dataDir.resolve("prod.log"), StandardCharsets.UTF_8);
        assertThat(log).as("start-up and shutdown log").noneMatch(line -> line.startsWith("\tat ")
                        || line.contains("Exception") || line.contains("ERROR"))
                .noneMatch(line -> line.contains("newer than the version Flyway has been verified with"))
                .anyMatch(line -> line.contains("stopped in"));
    }

    private String awaitListening() {
        String[] base = new String[1];
        Eventually.until("the application listens", Duration.ofSeconds(90), () -> {
            if (!app.isAlive()) {
                throw new AssertionError("the application exited:\n" + app.logTail(60));
            }
            Matcher listening = LISTENING.matcher(app.logTail(200));
            if (listening.find()) {
                base[0] = listening.group(1);
                return true;
            }
            return false;
        });
        return base[0];
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String url) {
        try {
            return get(url);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
