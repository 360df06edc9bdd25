package org.marginsentinel.adapter.prices.fake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads the response bodies under {@code src/test/resources/fixtures/prices/<exchange>/}: each exchange's payloads
 * sit in a folder of its own, and a file's name starts with its exchange ({@code binance-451.json}).
 */
public final class PriceFixtures {

    private static final String FOLDER = "fixtures/prices/";

    private PriceFixtures() {
    }

    /** The fixture's text, e.g. {@code read("binance-premiumIndex.json")}. */
    public static String read(String fileName) {
        int dash = fileName.indexOf('-');
        String path = FOLDER + (dash > 0 ? fileName.substring(0, dash) + "/" : "") + fileName;
        try (InputStream in = PriceFixtures.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
