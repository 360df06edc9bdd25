package org.marginsentinel.adapter.keyed;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.marginsentinel.application.port.KeyedSourceUnavailable;
import org.marginsentinel.application.port.KeyedSourceUnavailable.Kind;

/**
 * Signed GETs of a keyed exchange, with the JDK's HTTP client: the URL sent is byte for byte the one whose query
 * the signature covers (a REST client may reorder or re-encode query parameters). Only transport failures are
 * mapped here; what a status or body code means is each exchange's business.
 */
public final class KeyedHttp {

    /** What came back: status, body and the headers an exchange's error mapping reads. */
    public record Answer(int status, String body, HttpResponse<String> raw) {

        public Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }
    }

    private final HttpClient http;
    private final URI baseUrl;
    private final Duration timeout;
    private final String exchange;

    public KeyedHttp(String exchange, URI baseUrl, Duration timeout) {
        this.exchange = exchange;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.baseUrl = URI.create(baseUrl.toString().replaceAll("/+$", ""));
        this.timeout = timeout;
    }

    /** {@code GET path?query} with the given headers; {@code query} may be empty. Never logs the headers. */
    public Answer get(String path, String query, Map<String, String> headers) {
        URI uri = URI.create(baseUrl + path + (query.isEmpty() ? "" : "?" + query));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET()
                .header("User-Agent", "MarginSentinel/0.1 (read-only account watcher)");
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body() == null ? "" : response.body(), response);
        } catch (IOException e) {
            throw new KeyedSourceUnavailable(Kind.UNAVAILABLE, exchange + " unreachable ("
                    + e.getClass().getSimpleName() + ")", null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeyedSourceUnavailable(Kind.UNAVAILABLE, exchange + " call interrupted", null, e);
        }
    }
}
