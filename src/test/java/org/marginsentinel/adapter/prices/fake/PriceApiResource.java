package org.marginsentinel.adapter.prices.fake;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Runs {@link PriceApiFake} for a {@code @QuarkusTest} and points {@code sentinel.prices.*-url} at it.
 *
 * <pre>{@code
 * @QuarkusTest
 * @WithTestResource(PriceApiResource.class)
 * class MyTest {
 *     @InjectPriceApi PriceApiFake prices;
 *     @Inject PriceFeed feed;
 *
 *     @BeforeEach void fresh() { prices.reset(); feed.reset(); }
 *
 *     @Test void something() {
 *         prices.servesBinanceMarks(Map.of("BTCUSDT", "80000"));
 *         feed.pollOnce();
 *         ...
 *     }
 * }
 * }</pre>
 */
public class PriceApiResource implements QuarkusTestResourceLifecycleManager {

    private PriceApiFake fake;

    @Override
    public Map<String, String> start() {
        fake = PriceApiFake.start();
        return fake.configProperties();
    }

    @Override
    public void inject(TestInjector testInjector) {
        inject(testInjector, fake);
    }

    @Override
    public void stop() {
        if (fake != null) {
            fake.stop();
        }
    }

    /** Fills {@code @InjectPriceApi PriceApiFake} fields; for other test resources that run a fake. */
    public static void inject(TestInjector testInjector, PriceApiFake fake) {
        testInjector.injectIntoFields(fake,
                new TestInjector.AnnotatedAndMatchesType(InjectPriceApi.class, PriceApiFake.class));
    }
}
