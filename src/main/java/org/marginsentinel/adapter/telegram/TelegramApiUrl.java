package org.marginsentinel.adapter.telegram;

import java.net.URI;
import java.util.Locale;
import org.telegram.telegrambots.meta.TelegramUrl;

/** Turns {@code sentinel.telegram.api-url} into TelegramBots' {@link TelegramUrl} (scheme, host, port). */
public final class TelegramApiUrl {

    private TelegramApiUrl() {
    }

    /**
     * @throws IllegalArgumentException for anything but {@code http(s)://host[:port][/]}: the library
     *                                  cannot send requests to a base path, so a path is an error
     */
    public static TelegramUrl parse(String apiUrl) {
        URI uri;
        try {
            uri = URI.create(apiUrl.strip());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("sentinel.telegram.api-url is not a URL: " + apiUrl, e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("sentinel.telegram.api-url must start with http:// or https://: " + apiUrl);
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("sentinel.telegram.api-url has no host: " + apiUrl);
        }
        String path = uri.getRawPath();
        if ((path != null && !path.isEmpty() && !path.equals("/")) || uri.getRawQuery() != null) {
            throw new IllegalArgumentException(
                    "sentinel.telegram.api-url must not have a path or query (TelegramBots cannot use one): " + apiUrl);
        }
        int port = uri.getPort() > 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new TelegramUrl(scheme, host, port, false);
    }
}
