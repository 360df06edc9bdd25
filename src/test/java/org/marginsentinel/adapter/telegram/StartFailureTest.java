package org.marginsentinel.adapter.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * The start-up message names the real cause. Each failure is produced by the real TelegramBots
 * client against a local socket (refused, plain HTTP behind https://, silent, 401, 404), except
 * the unknown host, which would need DNS.
 */
class StartFailureTest {

    private static final String TOKEN = "123456:ABC-your-token";
    private final List<AutoCloseable> servers = new ArrayList<>();

    @AfterEach
    void closeServers() throws Exception {
        for (AutoCloseable server : servers) {
            server.close();
        }
    }

    @Test
    void refusedConnection_saysNothingListens() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        String why = explainGetMe("http://127.0.0.1:" + port);

        assertThat(why).startsWith("cannot connect to 127.0.0.1:" + port).contains("nothing listens");
    }

    @Test
    void plainHttpBehindHttps_isATlsFailure() throws Exception {
        ServerSocket plain = serve(socket -> socket.getOutputStream()
                .write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));

        String why = explainGetMe("https://127.0.0.1:" + plain.getLocalPort());

        assertThat(why).startsWith("TLS handshake with 127.0.0.1:" + plain.getLocalPort() + " failed");
    }

    @Test
    void silentServer_isATimeout() throws Exception {
        ServerSocket silent = serve(socket -> sleepQuietly());

        String why = explainGetMe("http://127.0.0.1:" + silent.getLocalPort());

        assertThat(why).startsWith("no answer from 127.0.0.1:" + silent.getLocalPort() + " in time");
    }

    @Test
    void unauthorized_isARejectedTokenAndNotRetried() throws Exception {
        int port = httpAnswering(401, "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}");
        TelegramApiException failure = getMeFailure("http://127.0.0.1:" + port);

        assertThat(StartFailure.tokenRejected(failure)).isTrue();
        assertThat(StartFailure.explain(failure, "127.0.0.1:" + port, TOKEN))
                .isEqualTo("Telegram rejected the bot token (401 Unauthorized): check TELEGRAM_BOT_TOKEN");
    }

    @Test
    void notFound_pointsAtTheTokenOrTheUrl() throws Exception {
        int port = httpAnswering(404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
        TelegramApiException failure = getMeFailure("http://127.0.0.1:" + port);

        assertThat(StartFailure.tokenRejected(failure)).isFalse();
        assertThat(StartFailure.explain(failure, "127.0.0.1:" + port, TOKEN))
                .startsWith("Telegram answered 404 Not Found: the token is malformed");
    }

    @Test
    void unknownHost_namesTheHostAndDns() {
        TelegramApiException failure = new TelegramApiException("Unable to execute getme method",
                new UnknownHostException("api.telegram.org"));

        assertThat(StartFailure.explain(failure, "api.telegram.org:443", TOKEN))
                .startsWith("unknown host api.telegram.org:443: DNS cannot resolve it");
    }

    @Test
    void otherFailures_showTheRootCause_withoutTheToken() {
        TelegramApiException failure = new TelegramApiException("Unable to execute getme method",
                new IllegalStateException("bad url https://x/bot" + TOKEN + "/getMe"));

        assertThat(StartFailure.explain(failure, "x:443", TOKEN))
                .isEqualTo("Unable to execute getme method, caused by java.lang.IllegalStateException: "
                        + "bad url https://x/bot<token>/getMe")
                .doesNotContain(TOKEN);
    }

    private String explainGetMe(String apiUrl) {
        TelegramApiException failure = getMeFailure(apiUrl);
        String host = apiUrl.substring(apiUrl.indexOf("://") + 3);
        assertThat(failure.getMessage()).as("what TelegramBots says by itself").contains("Unable to execute getme");
        return StartFailure.explain(failure, host, TOKEN);
    }

    private static TelegramApiException getMeFailure(String apiUrl) {
        OkHttpClient http = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofMillis(300)).build();
        try {
            Throwable thrown = catchThrowable(() -> new OkHttpTelegramClient(http, TOKEN, TelegramApiUrl.parse(apiUrl))
                    .execute(new GetMe()));
            assertThat(thrown).isInstanceOf(TelegramApiException.class);
            return (TelegramApiException) thrown;
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    private interface Conversation {
        void with(Socket socket) throws IOException;
    }

    /** Accepts connections on 127.0.0.1 and runs the conversation on each, on a daemon thread. */
    private ServerSocket serve(Conversation conversation) throws IOException {
        ServerSocket server = new ServerSocket(0, 10, java.net.InetAddress.getLoopbackAddress());
        servers.add(server);
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    conversation.with(socket);
                } catch (IOException e) {
                    return;
                }
            }
        }, "start-failure-test-server");
        acceptor.setDaemon(true);
        acceptor.start();
        return server;
    }

    private int httpAnswering(int status, String json) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        servers.add(() -> server.stop(0));
        return server.getAddress().getPort();
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
