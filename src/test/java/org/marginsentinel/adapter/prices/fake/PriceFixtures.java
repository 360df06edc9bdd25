package org.marginsentinel.adapter.prices.fake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the response bodies under {@code src/test/resources/fixtures/prices/}. */
public final class PriceFixtures {

    private static final String FOLDER = "fixtures/prices/";

    private PriceFixtures() {
    }

    /** The fixture's text, e.g. {@code read("binance-premiumIndex.json")}. */
    public static String read(String fileName) {
        try (InputStream in = PriceFixtures.class.getClassLoader().getResourceAsStream(FOLDER + fileName)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + FOLDER + fileName);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
