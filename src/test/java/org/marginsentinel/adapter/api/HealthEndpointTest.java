package org.marginsentinel.adapter.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.prices.PriceFeed;
import org.marginsentinel.testsupport.Readiness;

@QuarkusTest
class HealthEndpointTest {

    @Inject
    PriceFeed feed;

    @BeforeEach
    void freshFeed() {
        feed.reset(); // as just started: no poll yet (tests poll by hand; the scheduler is off)
    }

    @Test
    void readiness_withoutTelegramToken_reportsUp() {
        given().when().get("/q/health/ready")
                .then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void readiness_coversTheDatabase_thePriceFeed_andTelegram() {
        Readiness ready = Readiness.now();

        assertThat(ready.statusOf("Database connections health check")).isEqualTo("UP");
        assertThat(ready.statusOf("Price feed")).isEqualTo("UP");
        assertThat(ready.dataOf("Price feed")).containsEntry("state", "waiting for the first poll");
        assertThat(ready.statusOf("Telegram")).isEqualTo("UP");
        assertThat(ready.dataOf("Telegram")).containsEntry("mode", "disabled");
    }
}
