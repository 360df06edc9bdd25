package org.marginsentinel.testsupport;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.List;

/** One scrape of {@code GET /q/metrics} (Prometheus text format), with lookups by name and labels. */
public final class PrometheusScrape {

    private record Sample(String name, String labels, double value) {
    }

    private final List<Sample> samples = new ArrayList<>();

    private PrometheusScrape(String text) {
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.lastIndexOf(' ');
            String name = brace >= 0 && brace < space ? line.substring(0, brace) : line.substring(0, line.indexOf(' '));
            String labels = brace >= 0 && brace < space ? line.substring(brace, line.lastIndexOf('}') + 1) : "";
            samples.add(new Sample(name, labels, Double.parseDouble(line.substring(space + 1))));
        }
    }

    public static PrometheusScrape now() {
        return new PrometheusScrape(given().when().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    public boolean has(String metric) {
        return samples.stream().anyMatch(s -> s.name().equals(metric));
    }

    /**
     * The sum of the samples of {@code metric} whose labels contain every {@code label="value"} given
     * (e.g. {@code value("x_total", "kind=\"warning\"")}); 0 when there is none.
     */
    public double value(String metric, String... labels) {
        return samples.stream()
                .filter(s -> s.name().equals(metric))
                .filter(s -> List.of(labels).stream().allMatch(s.labels()::contains))
                .mapToDouble(Sample::value).sum();
    }
}
