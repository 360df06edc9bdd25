package org.marginsentinel.testsupport;

import io.quarkus.arc.Arc;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.marginsentinel.adapter.prices.PriceFeed;
import org.marginsentinel.adapter.prices.fake.PriceApiFake;
import org.marginsentinel.adapter.telegram.fake.FakeTelegram;
import org.marginsentinel.adapter.telegram.fake.FakeTelegramResource;

/**
 * The shared set-up of a conversation test: users talk to the bot through the fake Bot API while the fake
 * exchanges serve marks. {@link FakeTelegramResource} fills a field {@code @InjectConversation Conversation chat}
 * (one application start for every bot test, as with {@code @InjectFakeTelegram}):
 * <pre>{@code
 * @BeforeEach void setUp() {
 *     chat.beginAt(START);
 *     chat.marks(Map.of("BTCUSDT", "80000"));
 *     trader = chat.newTrader();
 * }
 * @AfterEach void restoreClock() { chat.end(); }
 * @Test void warns() {
 *     chat.say(trader, "/long BTC 0.1 5x @80000");
 *     chat.marks(Map.of("BTCUSDT", "66000"));
 *     assertThat(chat.awaitNotice(trader, "DANGER")).contains("2.64% away");
 * }
 * }</pre>
 */
public final class Conversation {

    /** How far apart tests that begin from the same instant start: the risk monitor only sees time go forward. */
    private static final Duration BETWEEN_TESTS = Duration.ofHours(3);
    private static final Map<Instant, AtomicInteger> TESTS_BEGUN = new ConcurrentHashMap<>();

    private final FakeTelegram telegram;
    private final PriceApiFake priceApi;
    private volatile boolean clockFrozen;

    public Conversation(FakeTelegram telegram, PriceApiFake priceApi) {
        this.telegram = telegram;
        this.priceApi = priceApi;
    }

    public FakeTelegram telegram() {
        return telegram;
    }

    public PriceApiFake priceApi() {
        return priceApi;
    }

    public PriceFeed feed() {
        return bean(PriceFeed.class);
    }

    public TestClock clock() {
        return bean(TestClock.class);
    }

    /** A fresh start with the clock left running: no marks served, a fresh feed, every circuit breaker closed. */
    public void begin() {
        priceApi.reset();
        feed().reset();
        bean(CircuitBreakerMaintenance.class).resetAll();
        clockFrozen = false;
    }

    /**
     * {@link #begin()}, and the clock frozen at {@code start} plus three hours for each test that began from the same
     * {@code start} before, so that every test starts later than the previous one. Call {@link #end()} after it.
     */
    public void beginAt(Instant start) {
        begin();
        int before = TESTS_BEGUN.computeIfAbsent(start, s -> new AtomicInteger()).getAndIncrement();
        clock().freezeAt(start.plus(BETWEEN_TESTS.multipliedBy(before)));
        clockFrozen = true;
    }

    /** The clock back to the system clock. */
    public void end() {
        clock().reset();
        clockFrozen = false;
    }

    /**
     * Binance serves these marks (symbol to price) and the feed polls them once; on a frozen clock a minute
     * passes first, so they are fresh marks of a new tick.
     */
    public void marks(Map<String, String> marks) {
        priceApi.servesBinanceMarks(marks);
        if (clockFrozen) {
            clock().advance(Duration.ofMinutes(1));
        }
        feed().pollOnce();
    }

    /** A new user who has sent /start (its welcome read). */
    public long newTrader() {
        long user = telegram.newUser();
        say(user, "/start");
        return user;
    }

    /** The user writes {@code text} in the private chat; returns the next reply, as plain text. */
    public String say(long user, String text) {
        telegram.userSays(user, text);
        return telegram.awaitReplyTo(user).plainText();
    }

    /** The user writes {@code text} in the group; returns the group's next message, as plain text. */
    public String sayInGroup(long user, long group, String text) {
        telegram.userSaysInGroup(user, group, text);
        return telegram.awaitReplyTo(group).plainText();
    }

    /** Waits for the next message to the chat containing {@code fragment} (earlier ones are skipped). */
    public String awaitNotice(long chatId, String fragment) {
        return telegram.awaitReplyContaining(chatId, fragment).plainText();
    }

    private static <T> T bean(Class<T> type) {
        return Arc.container().instance(type).get();
    }
}
