package org.marginsentinel.adapter.telegram.fake;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;
import org.marginsentinel.adapter.prices.fake.HyperliquidInfoFake;
import org.marginsentinel.adapter.prices.fake.InjectHyperliquid;
import org.marginsentinel.adapter.prices.fake.PriceApiFake;
import org.marginsentinel.adapter.prices.fake.PriceApiResource;
import org.marginsentinel.testsupport.Conversation;
import org.marginsentinel.testsupport.InjectConversation;

/**
 * Starts one {@link FakeTelegram} and points the bot at it. Use exactly this resource (and no
 * other) on every bot end-to-end test so they all share one application start:
 * <pre>{@code
 * @QuarkusTest
 * @WithTestResource(FakeTelegramResource.class)
 * class MyCommandE2ETest {
 *     @InjectFakeTelegram
 *     FakeTelegram telegram;
 * }
 * }</pre>
 * or, for the shared conversation set-up (users, marks, the clock), a field
 * {@code @InjectConversation Conversation chat}.
 *
 * <p>Rate limits are raised so bursts finish quickly but still bite: 50 messages per second
 * globally, 200 ms between messages to one chat, 20 per minute per group.
 */
public class FakeTelegramResource implements QuarkusTestResourceLifecycleManager {

    public static final int TEST_MAX_PER_SECOND = 50;
    public static final long TEST_CHAT_INTERVAL_MILLIS = 200;
    public static final int TEST_GROUP_PER_MINUTE = 20;

    private FakeTelegram telegram;
    private PriceApiFake priceApi;
    private HyperliquidInfoFake hyperliquid;

    @Override
    public Map<String, String> start() {
        telegram = FakeTelegram.start();
        priceApi = PriceApiFake.start();
        hyperliquid = HyperliquidInfoFake.start();
        Map<String, String> config = new HashMap<>(priceApi.configProperties());
        config.putAll(hyperliquid.configProperties());
        // Binance's spot host (apiRestrictions of keyed watching) on the same fake as its futures host.
        config.put("sentinel.binance.spot-url", priceApi.baseUrl());
        // OKX (keyed watching) on the same fake too: its paths (/api/v5/…) are its own.
        config.put("sentinel.okx.url", priceApi.baseUrl());
        config.putAll(Map.of(
                "sentinel.telegram.token", FakeTelegram.TOKEN,
                "sentinel.telegram.api-url", telegram.baseUrl(),
                "sentinel.telegram.max-messages-per-second", String.valueOf(TEST_MAX_PER_SECOND),
                "sentinel.telegram.chat-interval", TEST_CHAT_INTERVAL_MILLIS + "ms",
                "sentinel.telegram.group-messages-per-minute", String.valueOf(TEST_GROUP_PER_MINUTE)));
        return config;
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(telegram,
                new TestInjector.AnnotatedAndMatchesType(InjectFakeTelegram.class, FakeTelegram.class));
        PriceApiResource.inject(testInjector, priceApi);
        testInjector.injectIntoFields(hyperliquid,
                new TestInjector.AnnotatedAndMatchesType(InjectHyperliquid.class, HyperliquidInfoFake.class));
        testInjector.injectIntoFields(new Conversation(telegram, priceApi),
                new TestInjector.AnnotatedAndMatchesType(InjectConversation.class, Conversation.class));
    }

    @Override
    public void stop() {
        if (telegram != null) {
            telegram.close();
        }
        if (priceApi != null) {
            priceApi.stop();
        }
        if (hyperliquid != null) {
            hyperliquid.stop();
        }
    }
}
