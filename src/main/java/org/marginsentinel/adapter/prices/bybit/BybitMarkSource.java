package org.marginsentinel.adapter.prices.bybit;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.marginsentinel.adapter.prices.MarkSource;
import org.marginsentinel.adapter.prices.SourceRequests;
import org.marginsentinel.adapter.prices.SourceSnapshot;

/** Bybit linear marks, the fallback source: one all-symbol {@code tickers} request under {@link BybitGuard}. */
@ApplicationScoped
public class BybitMarkSource implements MarkSource {

    public static final String NAME = "bybit";

    private final BybitMarketClient client;
    private final BybitGuard guard;
    private final TickersParser parser;

    @Inject
    public BybitMarkSource(@RestClient BybitMarketClient client, BybitGuard guard, ObjectMapper mapper) {
        this.client = client;
        this.guard = guard;
        this.parser = new TickersParser(mapper);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String displayName() {
        return "Bybit";
    }

    @Override
    public int priority() {
        return 1;
    }

    @Override
    public SourceSnapshot fetch() {
        return guard.call(() -> parser.parse(SourceRequests.body(NAME, "request", () -> client.tickers("linear"))),
                SourceSnapshot.class);
    }
}
