package org.marginsentinel.bench;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.marginsentinel.adapter.prices.fake.PriceApiFake;
import org.marginsentinel.adapter.prices.fake.PriceApiResource;
import org.marginsentinel.adapter.telegram.fake.FakeTelegram;
import org.marginsentinel.adapter.telegram.fake.InjectFakeTelegram;

/**
 * The fake Bot API and the fake price APIs on 127.0.0.1 for the benchmark harnesses. With
 * {@code limits=telegram} the bot runs with Telegram's real limits (30 messages/s, 1 s per chat, 20/min per
 * group) and the fake refuses anything over them with 429, as Telegram does; with {@code limits=raised} the
 * send limit is lifted (to measure processing capacity) and the fake accepts everything.
 */
public class BenchResource implements QuarkusTestResourceLifecycleManager {

    private FakeTelegram telegram;
    private PriceApiFake priceApi;
    private boolean telegramLimits;

    @Override
    public void init(Map<String, String> initArgs) {
        telegramLimits = !"raised".equals(initArgs.get("limits"));
    }

    @Override
    public Map<String, String> start() {
        // The JDK's HTTP server (under the fake) leaves Nagle's algorithm on: with delayed ACKs every
        // keep-alive call would wait ~40 ms, a delay the real Bot API does not add.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        telegram = FakeTelegram.start();
        priceApi = PriceApiFake.start();
        Map<String, String> config = new HashMap<>(priceApi.configProperties());
        config.put("sentinel.telegram.token", FakeTelegram.TOKEN);
        config.put("sentinel.telegram.api-url", telegram.baseUrl());
        if (telegramLimits) {
            telegram.enforceTelegramLimits(30, Duration.ofSeconds(1), 20);
            config.put("sentinel.telegram.max-messages-per-second", "30");
            config.put("sentinel.telegram.chat-interval", "1s");
            config.put("sentinel.telegram.group-messages-per-minute", "20");
        } else {
            config.put("sentinel.telegram.max-messages-per-second", "100000");
            config.put("sentinel.telegram.chat-interval", "0s");
        }
        return config;
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(telegram,
                new TestInjector.AnnotatedAndMatchesType(InjectFakeTelegram.class, FakeTelegram.class));
        PriceApiResource.inject(testInjector, priceApi);
    }

    @Override
    public void stop() {
        if (telegram != null) {
            telegram.close();
        }
        if (priceApi != null) {
            priceApi.stop();
        }
    }
}
