package org.marginsentinel.adapter.prices;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.marginsentinel.application.port.MarksUpdated;
import org.marginsentinel.application.port.PriceFeedPaused;
import org.marginsentinel.application.port.PriceFeedResumed;

/** The risk tick runs on its own thread, one at a time, always on the latest marks. */
class MarksPublisherTest {

    private static final Instant T0 = Instant.parse("2026-09-19T13:20:00Z");

    private final List<String> ticks = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstTickStarted = new CountDownLatch(1);
    private final CountDownLatch releaseFirstTick = new CountDownLatch(1);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MarksPublisher publisher = new MarksPublisher(
            new Recording<MarksUpdated>(marks -> {
                ticks.add(Thread.currentThread().getName() + "@" + marks.at().getEpochSecond());
                if (marks.at().equals(T0)) {
                    firstTickStarted.countDown();
                    await(releaseFirstTick);
                }
            }),
            new Recording<PriceFeedPaused>(p -> ticks.add("paused")),
            new Recording<PriceFeedResumed>(r -> ticks.add("resumed")),
            new HeldSymbols(() -> Set.of("BTCUSDT")), registry);

    @AfterEach
    void stop() {
        releaseFirstTick.countDown();
        publisher.stop();
    }

    @Test
    void publish_theTickRunsOnTheRiskTickThread_andAwaitIdleWaitsForIt() throws InterruptedException {
        publisher.publish(marksAt(0));
        assertThat(firstTickStarted.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(publisher.awaitIdle(Duration.ofMillis(50))).as("the tick is still running").isFalse();
        releaseFirstTick.countDown();

        assertThat(publisher.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(ticks).containsExactly("risk-tick@" + T0.getEpochSecond());
    }

    @Test
    void marksArrivingDuringASlowTick_coalesceIntoOneTickOnTheLatest() throws InterruptedException {
        publisher.publish(marksAt(0));
        assertThat(firstTickStarted.await(10, TimeUnit.SECONDS)).isTrue();

        publisher.publish(marksAt(5));
        publisher.publish(marksAt(10));
        publisher.publish(marksAt(15));
        releaseFirstTick.countDown();
        assertThat(publisher.awaitIdle(Duration.ofSeconds(10))).isTrue();

        assertThat(ticks).containsExactly("risk-tick@" + T0.getEpochSecond(),
                "risk-tick@" + T0.plusSeconds(15).getEpochSecond());
        assertThat(registry.counter("sentinel.prices.ticks.coalesced").count()).isEqualTo(2.0);
    }

    @Test
    void pauseAndResume_runOnTheSameThreadInOrder() {
        releaseFirstTick.countDown();
        publisher.publish(new PriceFeedPaused(T0));
        publisher.publish(marksAt(5));
        publisher.publish(new PriceFeedResumed(T0, T0.plusSeconds(5)));

        assertThat(publisher.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(ticks).containsExactly("paused", "risk-tick@" + T0.plusSeconds(5).getEpochSecond(), "resumed");
    }

    private static MarksUpdated marksAt(int seconds) {
        return new MarksUpdated(Map.of(), T0.plusSeconds(seconds));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A CDI event whose only observer is {@code observer}, called synchronously like {@code @Observes}. */
    private record Recording<T>(Consumer<T> observer) implements Event<T> {

        @Override
        public void fire(T event) {
            observer.accept(event);
        }

        @Override
        public <U extends T> CompletionStage<U> fireAsync(U event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends T> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Event<T> select(Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends T> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends T> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }
}
