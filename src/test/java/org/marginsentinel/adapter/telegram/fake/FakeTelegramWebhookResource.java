package org.marginsentinel.adapter.telegram.fake;

import java.util.HashMap;
import java.util.Map;

/**
 * Like {@link FakeTelegramResource}, but the bot runs in webhook mode: it registers
 * {@link #PUBLIC_URL} with {@link #SECRET}, and the fake POSTs every update to the webhook instead
 * of answering getUpdates. Tests route the deliveries to their own port
 * ({@code telegram.routeWebhookTo(...)} in {@code @BeforeEach}), as the reverse proxy in front of a
 * real deployment would. (A fixed {@code quarkus.http.test-port} is no way out: a Quarkus test
 * application started on a fixed port after others in the same JVM hangs on a Micrometer tag clash.)
 */
public class FakeTelegramWebhookResource extends FakeTelegramResource {

    public static final String PUBLIC_URL = "https://sentinel.example.test/telegram/webhook";
    public static final String SECRET = "webhook-test-secret_0123456789-abcdef";

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.put("sentinel.telegram.webhook.url", PUBLIC_URL);
        config.put("sentinel.telegram.webhook.secret", SECRET);
        return config;
    }
}
