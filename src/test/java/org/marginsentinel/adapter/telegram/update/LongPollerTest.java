package org.marginsentinel.adapter.telegram.update;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.telegram.fake.Eventually;
import org.marginsentinel.adapter.telegram.fake.FakeTelegram;
import org.marginsentinel.adapter.telegram.fake.RecordedCall;

/** The poll loop against the fake Bot API, without the application: failures, a second instance, stopping. */
class LongPollerTest {

    private final FakeTelegram telegram = FakeTelegram.start();
    private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(60)).build();
    private final List<ReceivedUpdate> received = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        telegram.close();
        http.dispatcher().executorService().shutdownNow();
        http.connectionPool().evictAll();
    }

    private LongPoller poller(List<ReceivedUpdate> into) {
        HttpUrl botApi = HttpUrl.get(telegram.baseUrl() + "/bot" + FakeTelegram.TOKEN + "/");
        return new LongPoller(http, botApi, 50, List.of("message"), into::addAll);
    }

    @Test
    void failedPolls_areRetried_andNothingIsLostOrDoubled() {
        long user = telegram.newUser();
        telegram.failNextPolls(2, 502);
        try (LongPoller poller = poller(received)) {
            telegram.userSays(user, "one");
            telegram.userSays(user, "two");
            Eventually.until("both messages received", () -> received.size() >= 2);
            telegram.userSays(user, "three");
            Eventually.until("the third received", () -> received.size() >= 3);
            assertThat(received).extracting(u -> u.update().getMessage().getText()).containsExactly("one", "two", "three");
            assertThat(poller.lastReceived()).isEqualTo(telegram.lastUpdateIdIn(user));
        }
        assertThat(telegram.calls("getupdates")).extracting(RecordedCall::status).contains(502);
    }

    @Test
    void aSecondInstanceGets409_andOnceItIsGone_theFirstGoesOn() {
        long user = telegram.newUser();
        List<ReceivedUpdate> other = new CopyOnWriteArrayList<>();
        try (LongPoller first = poller(received)) {
            Eventually.until("the first polls", () -> telegram.pollsStarted() >= 1);
            try (LongPoller second = poller(other)) {
                Eventually.until("a poll ended in 409", () -> telegram.calls("getupdates").stream()
                        .anyMatch(call -> call.status() == 409));
            }
            telegram.userSays(user, "after the conflict");
            Eventually.until("the first received it", () -> received.stream()
                    .anyMatch(u -> "after the conflict".equals(u.update().getMessage().getText())));
        }
    }

    @Test
    void close_endsAWaitingLongPollAtOnce() {
        LongPoller poller = poller(received);
        Eventually.until("a long poll waits at Telegram", () -> telegram.pollsStarted() >= 1);

        poller.close();

        assertThat(poller.ended()).as("the thread ended without waiting out the 50 s poll").isTrue();
        long pollsAfterClose = telegram.pollsStarted();
        telegram.userSays(telegram.newUser(), "too late");
        assertThat(telegram.pollsStarted()).isEqualTo(pollsAfterClose);
        assertThat(received).isEmpty();
    }
}
