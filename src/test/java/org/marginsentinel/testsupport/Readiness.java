package org.marginsentinel.testsupport;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import java.util.Map;

/** One answer of {@code GET /q/health/ready}: the HTTP status and each check by name. */
public record Readiness(int httpStatus, String status, JsonPath json) {

    public static Readiness now() {
        var response = given().when().get("/q/health/ready").then().extract();
        return new Readiness(response.statusCode(), response.jsonPath().getString("status"), response.jsonPath());
    }

    /** A check's status, "UP" or "DOWN"; fails if there is no such check. */
    public String statusOf(String check) {
        String value = json.getString("checks.find { it.name == '" + check + "' }.status");
        if (value == null) {
            throw new AssertionError("No readiness check named '" + check + "' in " + json.prettify());
        }
        return value;
    }

    /** A check's data, e.g. {@code dataOf("Telegram").get("mode")}. */
    public Map<String, Object> dataOf(String check) {
        Map<String, Object> data = json.getMap("checks.find { it.name == '" + check + "' }.data");
        return data == null ? Map.of() : data;
    }
}
