package org.marginsentinel.adapter.prices.binance;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.marginsentinel.adapter.prices.MarkSource;
import org.marginsentinel.adapter.prices.SourceRequests;
import org.marginsentinel.adapter.prices.SourceSnapshot;

/** Binance marks, the primary source: one all-symbol {@code premiumIndex} request under {@link BinanceGuard}. */
@ApplicationScoped
public class BinanceMarkSource implements MarkSource {

    public static final String NAME = "binance";

    private final BinanceFuturesClient client;
    private final BinanceGuard guard;
    private final PremiumIndexParser parser;

    @Inject
    public BinanceMarkSource(@RestClient BinanceFuturesClient client, BinanceGuard guard, ObjectMapper mapper) {
        this.client = client;
        this.guard = guard;
        this.parser = new PremiumIndexParser(mapper);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String displayName() {
        return "Binance";
    }

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public SourceSnapshot fetch() {
        return guard.call(() -> parser.parse(SourceRequests.body(NAME, "request", client::premiumIndex)),
                SourceSnapshot.class);
    }
}
